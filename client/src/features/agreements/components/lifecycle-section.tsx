import { Button, Group, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSITION_DATES, type AgreementDto, type AgreementStatus } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { QueryState } from '../../../ui/query-state';
import { StepHistory } from '../../../ui/step-history';
import { toastSuccess } from '../../../ui/toast';
import { useTransitionAgreement, useTransitions } from '../hooks/use-agreement';
import { useMemberName } from '../hooks/use-member-name';
import { todayUtc, useFormat } from '../use-format';
import { DialogForm } from './dialog-form';
import { Section } from './section';
import { AgreementStatusBadge } from './status-badge';

export function LifecycleSection({ agreement, canEdit }: { agreement: AgreementDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<AgreementStatus | null>(null);
  return (
    <Section
      title={t('agreements.lifecycle.heading')}
      actions={
        <Group gap="xs">
          <Text size="sm">{t('agreements.fields.status')}:</Text>
          <AgreementStatusBadge status={agreement.status} />
        </Group>
      }
    >
      {canEdit && agreement.allowedTransitions.length > 0 && (
        <Group gap="xs" aria-label={t('agreements.lifecycle.actions')} role="group">
          {agreement.allowedTransitions.map((to) => (
            <Button key={to} variant="light" onClick={() => setStep(to)}>
              {t(`agreements.lifecycle.to.${to}`)}
            </Button>
          ))}
        </Group>
      )}
      <TransitionHistory agreementId={agreement.id} />
      <Dialog open={step !== null} onClose={() => setStep(null)} title={step ? t(`agreements.lifecycle.to.${step}`) : ''} size="md">
        {step && <TransitionForm agreement={agreement} to={step} onDone={() => setStep(null)} />}
      </Dialog>
    </Section>
  );
}

function TransitionForm({ agreement, to, onDone }: { agreement: AgreementDto; to: AgreementStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const transition = useTransitionAgreement(agreement.id);
  // The day the step took effect is the agreement's own date, sent with the step.
  const dateField = TRANSITION_DATES[to as keyof typeof TRANSITION_DATES] as (typeof TRANSITION_DATES)[keyof typeof TRANSITION_DATES] | undefined;
  const [date, setDate] = useState((dateField && agreement[dateField]) ?? (to === 'signed' ? '' : todayUtc()));
  const [reason, setReason] = useState('');

  const onSubmit = () => {
    const dated = dateField && date && date !== agreement[dateField] ? { [dateField]: date } : undefined;
    transition.mutate(
      { version: agreement.version, to, ...(reason.trim() && { reason: reason.trim() }), ...dated },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.lifecycle.done', { status: t(`agreements.statuses.${to}`) }));
          onDone();
        },
      },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={transition.error} pending={transition.isPending} submit={t('agreements.lifecycle.submit')} onCancel={onDone}>
      <Text size="sm">{t('agreements.lifecycle.confirm', { from: t(`agreements.statuses.${agreement.status}`), to: t(`agreements.statuses.${to}`) })}</Text>
      {dateField && (
        <TextInput
          type="date"
          label={t(`agreements.fields.${dateField}`)}
          description={to === 'signed' ? t('agreements.lifecycle.signedHint') : undefined}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
        />
      )}
      <Textarea label={t('agreements.lifecycle.reason')} value={reason} autosize minRows={2} maxLength={2000} onChange={(event) => setReason(event.currentTarget.value)} data-autofocus />
    </DialogForm>
  );
}

function TransitionHistory({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const transitions = useTransitions(agreementId);
  const nameOf = useMemberName(agreementId);
  return (
    <QueryState query={transitions} isEmpty={(data) => data.items.length === 0} empty={t('agreements.lifecycle.noHistory')}>
      {(data) => (
        <StepHistory
          label={t('agreements.lifecycle.history')}
          steps={data.items.map((item) => ({
            id: item.id,
            title: `${t(`agreements.statuses.${item.from}`)} → ${t(`agreements.statuses.${item.to}`)}`,
            meta: `${format.moment(item.at)} · ${nameOf(item.actorId)}`,
            reason: item.reason,
          }))}
        />
      )}
    </QueryState>
  );
}
