import { NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INDICATOR_CATEGORIES,
  INDICATOR_DIRECTIONS,
  MAX_QUANTITY,
  REPORTING_FREQUENCIES,
  targetInDirection,
  type CreateIndicatorInput,
  type IndicatorCategory,
  type IndicatorDirection,
  type IndicatorDto,
  type ReportingFrequency,
} from '@enlace/shared';
import { toastSuccess } from '../../../ui/toast';
import { restartKey } from '../hooks/use-agreement';
import { useCreateIndicator, useUpdateIndicator } from '../hooks/use-indicators';
import { DialogForm } from './dialog-form';

interface IndicatorFormProps {
  agreementId: string;
  commitmentId: string;
  /** The indicator to redefine; a new one without it. */
  indicator?: IndicatorDto;
  onDone: () => void;
}

/**
 * An indicator of a commitment: what is measured, in what unit, from where to where, how often, proven how.
 * Editing sends the version it started from; after a 409 the commitment is read again and the form starts
 * over (restartKey) from the current definition, with the conflict shown.
 */
export function IndicatorForm({ agreementId, commitmentId, indicator, onDone }: IndicatorFormProps) {
  const create = useCreateIndicator(agreementId, commitmentId);
  const update = useUpdateIndicator(agreementId, indicator?.id ?? '');
  const { error, isPending } = indicator ? update : create;
  const submit = (fields: CreateIndicatorInput, version: number | undefined, onSuccess: () => void) =>
    version !== undefined ? update.mutate({ version, ...fields }, { onSuccess }) : create.mutate(fields, { onSuccess });
  return <IndicatorFields key={restartKey(update)} indicator={indicator} submit={submit} error={error} pending={isPending} onDone={onDone} />;
}

interface IndicatorFieldsProps {
  indicator?: IndicatorDto;
  /** With the version the edit started from; none for a new indicator. */
  submit: (fields: CreateIndicatorInput, version: number | undefined, onSuccess: () => void) => void;
  error: unknown;
  pending: boolean;
  onDone: () => void;
}

function IndicatorFields({ indicator, submit, error, pending, onDone }: IndicatorFieldsProps) {
  const { t } = useTranslation();
  // The version the edit started from: a newer one arriving live makes saving a conflict, not an overwrite.
  const [baseVersion] = useState(indicator?.version);
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [category, setCategory] = useState<IndicatorCategory>(indicator?.category ?? 'result');
  const [direction, setDirection] = useState<IndicatorDirection>(indicator?.direction ?? 'increase');
  const [baseline, setBaseline] = useState<number | string>(indicator?.baseline ?? 0);
  const [target, setTarget] = useState<number | string>(indicator?.target ?? '');
  const [frequency, setFrequency] = useState<ReportingFrequency>(indicator?.frequency ?? 'quarterly');
  const [meansOfVerification, setMeansOfVerification] = useState(indicator?.meansOfVerification ?? '');
  const [submitted, setSubmitted] = useState(false);
  const numbers = typeof baseline === 'number' && typeof target === 'number';
  const errors = {
    name: !name.trim() ? t('agreements.indicators.nameRequired') : undefined,
    unit: !unit.trim() ? t('agreements.indicators.unitRequired') : undefined,
    baseline: typeof baseline !== 'number' ? t('agreements.indicators.numbersRequired') : undefined,
    target:
      typeof target !== 'number' ? t('agreements.indicators.numbersRequired')
      : numbers && !targetInDirection({ direction, baseline, target }) ? t('agreements.indicators.targetDirection')
      : undefined,
  };

  const onSubmit = () => {
    setSubmitted(true);
    if (errors.name || errors.unit || errors.baseline || errors.target || typeof baseline !== 'number' || typeof target !== 'number') return;
    const fields = { name: name.trim(), unit: unit.trim(), category, direction, baseline, target, frequency, meansOfVerification: meansOfVerification.trim() };
    submit(fields, baseVersion, () => {
      toastSuccess(indicator ? t('agreementEditing.indicatorSaved') : t('agreements.indicators.added'));
      onDone();
    });
  };

  const show = (error: string | undefined) => (submitted ? error : undefined);
  return (
    <DialogForm onSubmit={onSubmit} error={error} pending={pending} submit={indicator ? t('agreementEditing.save') : t('agreements.indicators.submit')} onCancel={onDone}>
      <TextInput label={t('agreements.indicators.name')} required value={name} maxLength={300} error={show(errors.name)} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('agreements.indicators.unit')} required value={unit} maxLength={60} error={show(errors.unit)} onChange={(event) => setUnit(event.currentTarget.value)} />
        <NativeSelect
          label={t('agreements.indicators.category')}
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value as IndicatorCategory)}
          data={INDICATOR_CATEGORIES.map((value) => ({ value, label: t(`agreements.indicators.categories.${value}`) }))}
        />
        <NativeSelect
          label={t('agreements.indicators.direction')}
          value={direction}
          onChange={(event) => setDirection(event.currentTarget.value as IndicatorDirection)}
          data={INDICATOR_DIRECTIONS.map((value) => ({ value, label: t(`agreements.indicators.directionNames.${value}`) }))}
        />
        <NativeSelect
          label={t('agreements.indicators.frequency')}
          value={frequency}
          onChange={(event) => setFrequency(event.currentTarget.value as ReportingFrequency)}
          data={REPORTING_FREQUENCIES.map((value) => ({ value, label: t(`agreements.indicators.frequencies.${value}`) }))}
        />
        <NumberInput label={t('agreements.indicators.baseline')} required value={baseline} onChange={setBaseline} min={-MAX_QUANTITY} max={MAX_QUANTITY} decimalScale={4} error={show(errors.baseline)} />
        <NumberInput label={t('agreements.indicators.target')} required value={target} onChange={setTarget} min={-MAX_QUANTITY} max={MAX_QUANTITY} decimalScale={4} error={show(errors.target)} />
      </SimpleGrid>
      <Textarea label={t('agreements.indicators.meansOfVerification')} value={meansOfVerification} autosize minRows={2} maxLength={2000} onChange={(event) => setMeansOfVerification(event.currentTarget.value)} />
    </DialogForm>
  );
}
