import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, CaseStage } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { Dialog } from '../../../ui/dialog';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { StepHistory } from '../../../ui/step-history';
import { toastSuccess } from '../../../ui/toast';
import { DialogForm } from '../../agreements/components/dialog-form';
import { useMemberName } from '../../agreements/hooks/use-member-name';
import { useFormat } from '../../agreements/use-format';
import { useCaseTransitions, useTransitionCase } from '../hooks/use-case';
import { CaseStageBadge } from './case-badges';

/** The referral mechanism's step the case is at, the steps it may take next (owners, coordinators), and its history. */
export function StageSection({ record, canEdit }: { record: CaseDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<CaseStage | null>(null);
  return (
    <Panel title={t('cases.stage.heading')} actions={<CaseStageBadge stage={record.stage} />}>
      {canEdit && record.allowedTransitions.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('cases.stage.actions')} mb="sm">
          {record.allowedTransitions.map((to) => (
            <Button key={to} variant={to === 'closed' ? 'default' : 'light'} onClick={() => setStep(to)}>
              {t(`cases.stage.to.${to}`)}
            </Button>
          ))}
        </Group>
      )}
      <StageHistory caseId={record.id} />
      <Dialog open={step !== null} onClose={() => setStep(null)} title={step ? t(`cases.stage.to.${step}`) : ''} size="md">
        {step && <StageForm record={record} to={step} onDone={() => setStep(null)} />}
      </Dialog>
    </Panel>
  );
}

function StageForm({ record, to, onDone }: { record: CaseDto; to: CaseStage; onDone: () => void }) {
  const { t } = useTranslation();
  const transition = useTransitionCase(record.id);
  const [reason, setReason] = useState('');
  const conflict = transition.error instanceof ApiRequestError && transition.error.code === 'VERSION_CONFLICT';
  const onSubmit = () =>
    transition.mutate(
      { version: record.version, to, ...(reason.trim() && { reason: reason.trim() }) },
      {
        onSuccess: () => {
          toastSuccess(t('cases.stage.done', { stage: t(`cases.stages.${to}`) }));
          onDone();
        },
      },
    );
  return (
    <DialogForm onSubmit={onSubmit} error={conflict ? null : transition.error} pending={transition.isPending} submit={t('cases.stage.submit')} onCancel={onDone}>
      {conflict && (
        <Alert color="yellow" role="alert">
          {t('cases.record.conflict')}
        </Alert>
      )}
      <Text size="sm">{t('cases.stage.confirm', { from: t(`cases.stages.${record.stage}`), to: t(`cases.stages.${to}`) })}</Text>
      {to === 'closed' && <Text size="sm">{t('cases.stage.closeWarning')}</Text>}
      <Textarea label={t('cases.stage.reason')} value={reason} autosize minRows={2} maxLength={2000} onChange={(event) => setReason(event.currentTarget.value)} data-autofocus />
    </DialogForm>
  );
}

function StageHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const transitions = useCaseTransitions(caseId);
  const nameOf = useMemberName(caseId);
  return (
    <QueryState query={transitions} isEmpty={(data) => data.items.length === 0} empty={t('cases.stage.noHistory')}>
      {(data) => (
        <StepHistory
          label={t('cases.stage.history')}
          steps={data.items.map((item) => ({
            id: item.id,
            title: `${t(`cases.stages.${item.from}`)} → ${t(`cases.stages.${item.to}`)}`,
            meta: `${format.moment(item.at)} · ${nameOf(item.actorId)}`,
            reason: item.reason,
          }))}
        />
      )}
    </QueryState>
  );
}
