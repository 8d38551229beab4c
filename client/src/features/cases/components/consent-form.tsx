import { Checkbox, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_GIVERS, REFERRAL_SERVICES, SENSITIVE_FIELDS, type ConsentGiver, type ReferralService, type SensitiveField } from '@enlace/shared';
import { DialogForm } from '../../agreements/components/dialog-form';
import { todayUtc } from '../../agreements/use-format';
import { useRecordConsent } from '../hooks/use-referrals';
import { useRecipientOptions } from '../hooks/use-recipients';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The person's informed, specific consent: to which organisation, for which service, who gave it and until
 * when, and which of the sensitive fields the person chooses to share (none unless chosen). A risk to someone's
 * life is the one exception, recorded with its justification.
 */
export function ConsentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConsent(caseId);
  const recipients = useRecipientOptions();
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState<ReferralService>('shelter');
  const [givenBy, setGivenBy] = useState<ConsentGiver | ''>('person');
  const [givenOn, setGivenOn] = useState(todayUtc());
  const [validUntil, setValidUntil] = useState(inDays(90));
  const [shared, setShared] = useState<string[]>([]);
  const [lifeRisk, setLifeRisk] = useState(false);
  const [justification, setJustification] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    recipient: !recipient ? t('cases.consents.recipientRequired') : undefined,
    givenBy: !lifeRisk && !givenBy ? t('cases.consents.givenByRequired') : undefined,
    givenOn: !givenOn ? t('cases.consents.dateRequired') : undefined,
    validUntil: !validUntil ? t('cases.consents.dateRequired') : validUntil < givenOn ? t('cases.consents.datesOutOfOrder') : undefined,
    justification: lifeRisk && justification.trim().length < 10 ? t('cases.consents.justificationRequired') : undefined,
  };
  const shown = (error: string | undefined) => (submitted ? error : undefined);

  const onSubmit = () => {
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    record.mutate(
      {
        recipientOrganizationId: recipient,
        purpose,
        givenOn,
        validUntil,
        sharedFields: shared as SensitiveField[],
        lifeRiskException: lifeRisk,
        ...(givenBy && { givenBy }),
        ...(lifeRisk && { justification: justification.trim() }),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={record.error} pending={record.isPending} submit={t('cases.consents.submit')} onCancel={onDone}>
      <NativeSelect
        label={t('cases.consents.recipient')}
        required
        value={recipient}
        error={shown(errors.recipient)}
        onChange={(event) => setRecipient(event.currentTarget.value)}
        data={[{ value: '', label: t('cases.consents.chooseRecipient') }, ...recipients]}
        data-autofocus
      />
      <NativeSelect
        label={t('cases.consents.purpose')}
        value={purpose}
        onChange={(event) => setPurpose(event.currentTarget.value as ReferralService)}
        data={REFERRAL_SERVICES.map((value) => ({ value, label: t(`cases.services.${value}`) }))}
      />
      <Checkbox label={t('cases.consents.lifeRisk')} description={t('cases.consents.lifeRiskHint')} checked={lifeRisk} onChange={(event) => setLifeRisk(event.currentTarget.checked)} />
      {lifeRisk && (
        <Textarea
          label={t('cases.consents.justification')}
          required
          value={justification}
          autosize
          minRows={2}
          maxLength={2000}
          error={shown(errors.justification)}
          onChange={(event) => setJustification(event.currentTarget.value)}
        />
      )}
      <NativeSelect
        label={t('cases.consents.givenBy')}
        required={!lifeRisk}
        value={givenBy}
        error={shown(errors.givenBy)}
        onChange={(event) => setGivenBy(event.currentTarget.value as ConsentGiver | '')}
        data={[...(lifeRisk ? [{ value: '', label: t('cases.consents.nobody') }] : []), ...CONSENT_GIVERS.map((value) => ({ value, label: t(`cases.givers.${value}`) }))]}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label={t('cases.consents.givenOn')} required value={givenOn} error={shown(errors.givenOn)} onChange={(event) => setGivenOn(event.currentTarget.value)} />
        <TextInput type="date" label={t('cases.consents.validUntil')} required value={validUntil} error={shown(errors.validUntil)} onChange={(event) => setValidUntil(event.currentTarget.value)} />
      </SimpleGrid>
      <Checkbox.Group label={t('cases.consents.sharedFields')} description={t('cases.consents.sharedFieldsHint')} value={shared} onChange={setShared}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
          {SENSITIVE_FIELDS.map((field) => (
            <Checkbox key={field} value={field} label={t(`cases.sensitive.fields.${field}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </DialogForm>
  );
}
