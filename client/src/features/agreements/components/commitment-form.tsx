import { NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THEMATIC_AREAS, type PartyDto, type ThematicArea } from '@enlace/shared';
import { toastSuccess } from '../../../ui/toast';
import { useCreateCommitment } from '../hooks/use-commitments';
import { DialogForm } from './dialog-form';

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** A new commitment of one party: what, in which area, by when, with what budget and staff. */
export function CommitmentForm({ agreementId, parties, onDone }: { agreementId: string; parties: PartyDto[]; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCommitment(agreementId);
  const [text, setText] = useState('');
  const [responsibleOrganizationId, setResponsible] = useState(parties[0]?.organizationId ?? '');
  const [thematicArea, setArea] = useState<ThematicArea>('prevention');
  const [dueOn, setDueOn] = useState('');
  const [budgetAllocated, setAllocated] = useState('');
  const [budgetExecuted, setExecuted] = useState('');
  const [currency, setCurrency] = useState('');
  const [staff, setStaff] = useState<number | string>('');
  const [submitted, setSubmitted] = useState(false);
  const budget = budgetAllocated !== '' || budgetExecuted !== '';
  const errors = {
    text: !text.trim() ? t('agreements.commitments.textRequired') : undefined,
    allocated: budgetAllocated && !AMOUNT.test(budgetAllocated) ? t('agreements.commitments.amountInvalid') : undefined,
    executed: budgetExecuted && !AMOUNT.test(budgetExecuted) ? t('agreements.commitments.amountInvalid') : undefined,
    currency: budget && !CURRENCY.test(currency) ? t('agreements.commitments.currencyRequired') : undefined,
  };

  const onSubmit = () => {
    setSubmitted(true);
    if (Object.values(errors).some(Boolean) || !responsibleOrganizationId) return;
    create.mutate(
      {
        text: text.trim(),
        responsibleOrganizationId,
        thematicArea,
        dueOn: dueOn || null,
        budgetAllocated: budgetAllocated || null,
        budgetExecuted: budgetExecuted || null,
        currency: budget ? currency : null,
        staffAssigned: typeof staff === 'number' ? staff : null,
      },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.commitments.added'));
          onDone();
        },
      },
    );
  };

  const show = (error: string | undefined) => (submitted ? error : undefined);
  return (
    <DialogForm onSubmit={onSubmit} error={create.error} pending={create.isPending} submit={t('agreements.commitments.submit')} onCancel={onDone}>
      <Textarea label={t('agreements.commitments.text')} required value={text} autosize minRows={2} maxLength={5000} error={show(errors.text)} onChange={(event) => setText(event.currentTarget.value)} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('agreements.commitments.responsible')}
          value={responsibleOrganizationId}
          onChange={(event) => setResponsible(event.currentTarget.value)}
          data={parties.map((party) => ({ value: party.organizationId, label: party.organizationName }))}
        />
        <NativeSelect
          label={t('agreements.filters.area')}
          value={thematicArea}
          onChange={(event) => setArea(event.currentTarget.value as ThematicArea)}
          data={THEMATIC_AREAS.map((area) => ({ value: area, label: t(`agreements.areas.${area}`) }))}
        />
        <TextInput type="date" label={t('agreements.commitments.dueOn')} value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} />
        <NumberInput label={t('agreements.commitments.staff')} value={staff} onChange={setStaff} min={0} max={1_000_000} allowDecimal={false} />
        <TextInput label={t('agreements.commitments.allocated')} inputMode="decimal" placeholder="1500000.00" value={budgetAllocated} error={show(errors.allocated)} onChange={(event) => setAllocated(event.currentTarget.value.trim())} />
        <TextInput label={t('agreements.commitments.executed')} inputMode="decimal" placeholder="0.00" value={budgetExecuted} error={show(errors.executed)} onChange={(event) => setExecuted(event.currentTarget.value.trim())} />
        <TextInput label={t('agreements.commitments.currency')} placeholder="ARS" maxLength={3} value={currency} error={show(errors.currency)} onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())} />
      </SimpleGrid>
    </DialogForm>
  );
}
