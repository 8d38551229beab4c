import { NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INDICATOR_CATEGORIES,
  INDICATOR_DIRECTIONS,
  MAX_QUANTITY,
  REPORTING_FREQUENCIES,
  targetInDirection,
  type IndicatorCategory,
  type IndicatorDirection,
  type ReportingFrequency,
} from '@enlace/shared';
import { toastSuccess } from '../../../ui/toast';
import { useCreateIndicator } from '../hooks/use-indicators';
import { DialogForm } from './dialog-form';

/** A new indicator of a commitment: what is measured, in what unit, from where to where, how often, proven how. */
export function IndicatorForm({ agreementId, commitmentId, onDone }: { agreementId: string; commitmentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateIndicator(agreementId, commitmentId);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [category, setCategory] = useState<IndicatorCategory>('result');
  const [direction, setDirection] = useState<IndicatorDirection>('increase');
  const [baseline, setBaseline] = useState<number | string>(0);
  const [target, setTarget] = useState<number | string>('');
  const [frequency, setFrequency] = useState<ReportingFrequency>('quarterly');
  const [meansOfVerification, setMeansOfVerification] = useState('');
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
    create.mutate(
      { name: name.trim(), unit: unit.trim(), category, direction, baseline, target, frequency, ...(meansOfVerification.trim() && { meansOfVerification: meansOfVerification.trim() }) },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.indicators.added'));
          onDone();
        },
      },
    );
  };

  const show = (error: string | undefined) => (submitted ? error : undefined);
  return (
    <DialogForm onSubmit={onSubmit} error={create.error} pending={create.isPending} submit={t('agreements.indicators.submit')} onCancel={onDone}>
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
