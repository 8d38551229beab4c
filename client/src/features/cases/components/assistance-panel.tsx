import { subject } from '@casl/ability';
import { Badge, Button, Group, NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_SERVICES, type AssistanceDto, type AssistanceService, type AssistanceStatus, type WorkspaceDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { Dialog } from '../../../ui/dialog';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { DialogForm } from '../../agreements/components/dialog-form';
import { READABLE } from '../../agreements/components/status-badge';
import { todayUtc, useFormat } from '../../agreements/use-format';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useAssistance, useRequestAssistance, useStepAssistance } from '../hooks/use-tracks';
import { DayField, useOrganizationOptions } from './track-fields';

const STATUS_COLORS: Record<AssistanceStatus, string> = { requested: 'blue', given: 'green', ended: 'gray' };

interface Step {
  service: AssistanceDto;
  to: 'given' | 'ended';
}
const isStep = (to: AssistanceStatus): to is Step['to'] => to !== 'requested';

/**
 * The assistance track: the services the person asked for, when each was given and ended, and by whom. It never
 * depends on whether the person cooperates with the authorities; members of law-enforcement organisations see it
 * only with an owner's grant (the tab is hidden otherwise).
 */
export function AssistancePanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ability = useWorkspaceAbility(workspace);
  const canEdit = ability.can('create', subject('CaseAssistance', { workspaceId: workspace.id }));
  const services = useAssistance(workspace.id);
  const [requesting, setRequesting] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const day = (value: string | null) => (value ? format.day(value) : '—');
  const name = (row: AssistanceDto) => t(`cases.services.${row.service}`);
  return (
    <Panel title={t('cases.assistance.heading')} actions={canEdit && <Button onClick={() => setRequesting(true)}>{t('cases.assistance.request')}</Button>}>
      <QueryState query={services} isEmpty={(data) => data.items.length === 0} empty={t('cases.assistance.empty')}>
        {(data) => (
          <DataTable<AssistanceDto>
            label={t('cases.assistance.heading')}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              { header: t('cases.assistance.service'), cell: name },
              {
                header: t('cases.assistance.status'),
                cell: (row) => (
                  <Badge variant="light" color={STATUS_COLORS[row.status]} c={READABLE}>
                    {t(`cases.assistance.statuses.${row.status}`)}
                  </Badge>
                ),
              },
              { header: t('cases.assistance.requestedOn'), cell: (row) => day(row.requestedOn) },
              { header: t('cases.assistance.startedOn'), cell: (row) => day(row.startedOn) },
              { header: t('cases.assistance.endedOn'), cell: (row) => day(row.endedOn) },
              { header: t('cases.assistance.provider'), cell: (row) => row.providerOrganizationName ?? '—' },
              { header: t('cases.assistance.note'), cell: (row) => row.note ?? '—' },
              ...(canEdit
                ? [
                    {
                      header: t('cases.assistance.actions'),
                      actions: true,
                      cell: (row: AssistanceDto) => (
                        <Group gap="xs" wrap="nowrap">
                          {row.allowedTransitions.filter(isStep).map((to) => (
                            <Button key={to} size="xs" variant="outline" onClick={() => setStep({ service: row, to })} aria-label={t(`cases.assistance.steps.${to}Named`, { name: name(row) })}>
                              {t(`cases.assistance.steps.${to}`)}
                            </Button>
                          ))}
                        </Group>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      <Dialog open={requesting} onClose={() => setRequesting(false)} title={t('cases.assistance.requestTitle')}>
        {requesting && <RequestForm caseId={workspace.id} onDone={() => setRequesting(false)} />}
      </Dialog>
      <Dialog open={step !== null} onClose={() => setStep(null)} title={step ? t(`cases.assistance.steps.${step.to}Title`, { name: name(step.service) }) : ''} size="md">
        {step && <StepForm caseId={workspace.id} step={step} onDone={() => setStep(null)} />}
      </Dialog>
    </Panel>
  );
}

function RequestForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const request = useRequestAssistance(caseId);
  const organizations = useOrganizationOptions();
  const [service, setService] = useState<AssistanceService>('shelter');
  const [requestedOn, setRequestedOn] = useState(todayUtc());
  const [provider, setProvider] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = () => {
    setSubmitted(true);
    if (!requestedOn) return;
    request.mutate({ service, requestedOn, providerOrganizationId: provider || null, ...(note.trim() && { note: note.trim() }) }, { onSuccess: onDone });
  };
  return (
    <DialogForm onSubmit={onSubmit} error={request.error} pending={request.isPending} submit={t('cases.assistance.submit')} onCancel={onDone}>
      <NativeSelect
        label={t('cases.assistance.service')}
        value={service}
        onChange={(event) => setService(event.currentTarget.value as AssistanceService)}
        data={ASSISTANCE_SERVICES.map((value) => ({ value, label: t(`cases.services.${value}`) }))}
        data-autofocus
      />
      <DayField label={t('cases.assistance.requestedOn')} value={requestedOn} onChange={setRequestedOn} submitted={submitted} />
      <NativeSelect label={t('cases.assistance.provider')} value={provider} onChange={(event) => setProvider(event.currentTarget.value)} data={[{ value: '', label: t('cases.assistance.noProvider') }, ...organizations]} />
      <Textarea label={t('cases.assistance.note')} description={t('cases.tracks.noteHint')} value={note} autosize minRows={2} maxLength={2000} onChange={(event) => setNote(event.currentTarget.value)} />
    </DialogForm>
  );
}

function StepForm({ caseId, step, onDone }: { caseId: string; step: Step; onDone: () => void }) {
  const { t } = useTranslation();
  const move = useStepAssistance(caseId);
  const [on, setOn] = useState(todayUtc());
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = () => {
    setSubmitted(true);
    if (!on) return;
    move.mutate({ serviceId: step.service.id, input: { version: step.service.version, to: step.to, on } }, { onSuccess: onDone });
  };
  return (
    <DialogForm onSubmit={onSubmit} error={move.error} pending={move.isPending} submit={t(`cases.assistance.steps.${step.to}`)} onCancel={onDone}>
      <DayField label={t('cases.assistance.on')} value={on} onChange={setOn} submitted={submitted} autoFocus />
    </DialogForm>
  );
}
