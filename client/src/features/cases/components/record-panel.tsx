import { subject } from '@casl/ability';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDto, WorkspaceDto } from '@enlace/shared';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { useFormat } from '../../agreements/use-format';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useCase } from '../hooks/use-case';
import { CaseRecordForm } from './case-record-form';
import { SensitiveSection } from './sensitive-section';
import { SensitiveViews } from './sensitive-views';
import { CaseStageBadge, RiskBadge } from './case-badges';
import { StageSection } from './stage-section';

/**
 * The case record: its code and reflection period, the non-sensitive fields, the stage, and the sensitive
 * fields for those allowed them (not even their section exists for anyone else), with who read them for owners.
 */
export function RecordPanel({ workspace }: { workspace: WorkspaceDto }) {
  const record = useCase(workspace.id);
  const ability = useWorkspaceAbility(workspace);
  const on = <S extends 'Case' | 'CaseSensitive' | 'CaseViews'>(name: S) => subject(name, { workspaceId: workspace.id });
  return (
    <QueryState query={record}>
      {(data) => (
        <Stack gap="lg">
          <CaseFacts record={data} />
          {/* Keyed by version: after a save, or someone else's change, the form starts from the current record. */}
          <CaseRecordForm key={data.version} record={data} canEdit={ability.can('update', on('Case'))} />
          <StageSection record={data} canEdit={ability.can('update', on('Case'))} />
          {ability.can('read', on('CaseSensitive')) && <SensitiveSection caseId={data.id} canEdit={ability.can('update', on('CaseSensitive'))} />}
          {ability.can('read', on('CaseViews')) && <SensitiveViews caseId={data.id} />}
        </Stack>
      )}
    </QueryState>
  );
}

function CaseFacts({ record }: { record: CaseDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Panel
      title={t('cases.record.code', { code: record.code })}
      actions={
        <Group gap="xs">
          <CaseStageBadge stage={record.stage} />
          <RiskBadge level={record.riskLevel} />
        </Group>
      }
    >
      <dl className="data-list-fields">
        <div>
          <dt>{t('cases.fields.country')}</dt>
          <dd>{format.country(record.country)}</dd>
        </div>
        <div>
          <dt>{t('cases.reflection.heading')}</dt>
          <dd>
            {record.reflection ? (
              <>
                <Text span fw={700}>
                  {t('cases.reflection.daysLeft', { count: record.reflectionDaysLeft ?? 0 })}
                </Text>{' '}
                <Text span size="sm" c="dimmed">
                  {t('cases.reflection.range', { from: format.day(record.reflection.startsOn), to: format.day(record.reflection.endsOn), days: record.reflection.days })}
                </Text>
              </>
            ) : (
              t('cases.reflection.none')
            )}
          </dd>
        </div>
      </dl>
      {record.reflection && (
        <Text size="sm" c="dimmed">
          {t('cases.reflection.asksNothing')}
        </Text>
      )}
    </Panel>
  );
}
