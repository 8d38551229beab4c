import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATISTIC_DIMENSIONS, SUPPRESSED, type CaseStatisticDimension } from '@enlace/shared';
import { LoadingStatus, QueryState } from '../../../ui/query-state';
import { useCaseStatistics } from '../hooks/use-case-statistics';
import { DownloadButton } from './download-button';
import { StatisticsTable } from './statistics-table';
import '../case-statistics.css';

// Recharts is large: it loads with this page, not with the app.
const StatisticsChart = lazy(() => import('./statistics-chart'));

interface CaseStatisticsViewProps {
  by: CaseStatisticDimension;
  onByChange: (by: CaseStatisticDimension) => void;
}

/** The breakdown chosen, its chart and table side by side (one above the other on a phone), and its CSV. */
export function CaseStatisticsView({ by, onByChange }: CaseStatisticsViewProps) {
  const { t } = useTranslation();
  const statistics = useCaseStatistics(by);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('caseStatistics.breakdown')}
          value={by}
          onChange={(event) => onByChange(event.currentTarget.value as CaseStatisticDimension)}
          data={CASE_STATISTIC_DIMENSIONS.map((value) => ({ value, label: t(`caseStatistics.dimensions.${value}`) }))}
          w={{ base: '100%', xs: 260 }}
        />
        <DownloadButton by={by} />
      </Group>
      <QueryState query={statistics} isEmpty={(data) => data.cells.length === 0} empty={t('caseStatistics.empty')}>
        {(data) => (
          <Stack gap="sm">
            <div className="case-statistics-figures">
              <Suspense fallback={<LoadingStatus />}>
                <StatisticsChart statistics={data} />
              </Suspense>
              <StatisticsTable statistics={data} />
            </div>
            {(data.total === SUPPRESSED || data.cells.some((cell) => cell.count === SUPPRESSED)) && <Text size="sm">{t('caseStatistics.suppressedNote')}</Text>}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
