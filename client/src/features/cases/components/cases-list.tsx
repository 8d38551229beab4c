import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseStage, CaseStateDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { QueryState } from '../../../ui/query-state';
import { reflectionDaysLeft } from '../case-cache';
import { useCases } from '../hooks/use-case';
import { CaseStageBadge, RiskBadge } from './case-badges';

/** The caller's cases: code, stage, jurisdiction, risk and the reflection period's days left. */
export function CasesList({ stage }: { stage?: CaseStage }) {
  const { t } = useTranslation();
  const cases = useCases(stage);
  return (
    <QueryState query={cases} isEmpty={(data) => data.pages[0].items.length === 0} empty={t('cases.list.empty')}>
      {(data) => (
        <Stack gap="sm">
          <DataTable<CaseStateDto>
            label={t('cases.list.heading')}
            rows={data.pages.flatMap((page) => page.items)}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t('cases.fields.code'),
                cell: (row) => (
                  <Anchor component={Link} to={`/workspaces/${row.id}`} fw={600}>
                    {row.code}
                  </Anchor>
                ),
              },
              { header: t('cases.fields.title'), cell: (row) => row.title },
              { header: t('cases.fields.stage'), cell: (row) => <CaseStageBadge stage={row.stage} /> },
              { header: t('cases.fields.jurisdiction'), cell: (row) => row.jurisdiction ?? '—' },
              { header: t('cases.fields.riskLevel'), cell: (row) => <RiskBadge level={row.riskLevel} /> },
              {
                header: t('cases.reflection.heading'),
                cell: (row) => {
                  const left = reflectionDaysLeft(row.reflection);
                  return left === null ? '—' : t('cases.reflection.daysLeft', { count: left });
                },
              },
            ]}
          />
          {cases.hasNextPage && (
            <Group>
              <Button variant="default" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
                {t('cases.list.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
