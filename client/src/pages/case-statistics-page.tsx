import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CASE_STATISTIC_DIMENSIONS, type CaseStatisticDimension } from '@enlace/shared';
import { CaseStatisticsView } from '../features/case-statistics/components/case-statistics-view';
import { useReadsCaseStatistics } from '../features/case-statistics/hooks/use-reads-case-statistics';
import { useDocumentTitle } from '../i18n/use-document-title';
import { LoadingStatus } from '../ui/query-state';
import { NotFoundPage } from './not-found-page';

const isDimension = (value: string | null): value is CaseStatisticDimension => (CASE_STATISTIC_DIMENSIONS as readonly (string | null)[]).includes(value);

/**
 * The national figures of cases (issue 15, points 7 and 8), for members of government and civil-society
 * organisations; to anyone else the page does not exist, as the server refuses its data. The breakdown is kept in
 * the address (`?by=`), so a view can be bookmarked or shared.
 */
export function CaseStatisticsPage() {
  const reads = useReadsCaseStatistics();
  if (reads === undefined) return <LoadingStatus />;
  return reads ? <CaseStatistics /> : <NotFoundPage />;
}

function CaseStatistics() {
  const { t } = useTranslation();
  useDocumentTitle(t('caseStatistics.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('by');
  const by = isDimension(requested) ? requested : 'stage';
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2" mb="xs">
          {t('caseStatistics.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('caseStatistics.intro')}
        </Text>
      </div>
      <CaseStatisticsView by={by} onByChange={(next) => setParams({ by: next }, { replace: true })} />
    </Stack>
  );
}
