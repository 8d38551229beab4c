import { useTranslation } from 'react-i18next';
import type { SensitiveViewDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { useMemberName } from '../../agreements/hooks/use-member-name';
import { useFormat } from '../../agreements/use-format';
import { useSensitiveViews } from '../hooks/use-sensitive';

/** For owners: every reading of the sensitive fields, newest first, with who, which fields and why. */
export function SensitiveViews({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const views = useSensitiveViews(caseId);
  const nameOf = useMemberName(caseId);
  return (
    <Panel title={t('cases.views.heading')}>
      <QueryState query={views} isEmpty={(data) => data.items.length === 0} empty={t('cases.views.empty')}>
        {(data) => (
          <DataTable<SensitiveViewDto>
            label={t('cases.views.heading')}
            rows={[...data.items].sort((a, b) => b.seq - a.seq)}
            rowKey={(row) => row.seq}
            columns={[
              { header: t('cases.views.reader'), cell: (row) => nameOf(row.readerId) },
              { header: t('cases.views.at'), cell: (row) => format.moment(row.at) },
              { header: t('cases.views.fields'), cell: (row) => row.fields.map((field) => t(`cases.sensitive.fields.${field}`)).join(', ') },
              { header: t('cases.views.reason'), cell: (row) => row.reason },
            ]}
          />
        )}
      </QueryState>
    </Panel>
  );
}
