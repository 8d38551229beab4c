import { Alert, NativeSelect, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SERVICES, REFERRAL_URGENCIES, type ReferralService, type ReferralUrgency } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { DialogForm } from '../../agreements/components/dialog-form';
import { useRefer } from '../hooks/use-referrals';
import { useRecipientOptions } from '../hooks/use-recipients';

type ConsentProblem = 'none' | 'expired' | 'revoked';

/** Why the server refused a referral for want of consent, if that is why. */
function consentProblem(error: unknown): ConsentProblem | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'CONSENT_REQUIRED') return null;
  const reason = (error.details as { reason?: ConsentProblem } | undefined)?.reason;
  return reason ?? 'none';
}

/** Refers the case to another organisation for a service: only under the person's valid consent for both. */
export function ReferralForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refer = useRefer(caseId);
  const recipients = useRecipientOptions();
  const [to, setTo] = useState('');
  const [service, setService] = useState<ReferralService>('shelter');
  const [urgency, setUrgency] = useState<ReferralUrgency>('routine');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const missing = !to;
  const problem = consentProblem(refer.error);

  const onSubmit = () => {
    setSubmitted(true);
    if (missing) return;
    refer.mutate({ toOrganizationId: to, service, urgency, ...(note.trim() && { note: note.trim() }) }, { onSuccess: onDone });
  };

  return (
    <DialogForm onSubmit={onSubmit} error={problem ? null : refer.error} pending={refer.isPending} submit={t('cases.referrals.submit')} onCancel={onDone}>
      {problem && (
        <Alert color="red" role="alert" title={t('cases.referrals.consentRequired')}>
          <Text size="sm">{t(`cases.referrals.consentProblem.${problem}`)}</Text>
        </Alert>
      )}
      <NativeSelect
        label={t('cases.referrals.to')}
        required
        value={to}
        error={submitted && missing ? t('cases.consents.recipientRequired') : undefined}
        onChange={(event) => setTo(event.currentTarget.value)}
        data={[{ value: '', label: t('cases.consents.chooseRecipient') }, ...recipients]}
        data-autofocus
      />
      <NativeSelect
        label={t('cases.referrals.service')}
        value={service}
        onChange={(event) => setService(event.currentTarget.value as ReferralService)}
        data={REFERRAL_SERVICES.map((value) => ({ value, label: t(`cases.services.${value}`) }))}
      />
      <NativeSelect
        label={t('cases.referrals.urgency')}
        value={urgency}
        onChange={(event) => setUrgency(event.currentTarget.value as ReferralUrgency)}
        data={REFERRAL_URGENCIES.map((value) => ({ value, label: t(`cases.urgencies.${value}`) }))}
      />
      <Textarea label={t('cases.referrals.note')} value={note} autosize minRows={2} maxLength={2000} onChange={(event) => setNote(event.currentTarget.value)} />
    </DialogForm>
  );
}
