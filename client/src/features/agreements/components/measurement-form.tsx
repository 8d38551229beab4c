import { FileInput, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY, type IndicatorDto } from '@enlace/shared';
import { toastSuccess } from '../../../ui/toast';
import { useRecordMeasurement } from '../hooks/use-indicators';
import { todayUtc } from '../use-format';
import { DialogForm } from './dialog-form';

/** What the server accepts as evidence (it checks the content; this only narrows the file picker). */
const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.csv,.txt';

/** A value for a period with its note and evidence files, uploaded before the measurement names them. */
export function MeasurementForm({ agreementId, commitmentId, indicator, onDone }: { agreementId: string; commitmentId: string; indicator: IndicatorDto; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMeasurement(agreementId, commitmentId, indicator.id);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState(todayUtc());
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    periodStart: !periodStart ? t('agreements.measurements.periodRequired') : undefined,
    periodEnd: !periodEnd ? t('agreements.measurements.periodRequired') : periodStart && periodEnd < periodStart ? t('agreements.measurements.periodOrder') : undefined,
    value: typeof value !== 'number' ? t('agreements.measurements.valueRequired') : undefined,
  };

  const onSubmit = () => {
    setSubmitted(true);
    if (errors.periodStart || errors.periodEnd || typeof value !== 'number') return;
    record.mutate(
      { periodStart, periodEnd, value, ...(note.trim() && { note: note.trim() }), files },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.measurements.recorded'));
          onDone();
        },
      },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={record.error} pending={record.isPending} submit={t('agreements.measurements.submit')} onCancel={onDone}>
      <TextInput type="date" label={t('agreements.measurements.periodStart')} required value={periodStart} error={submitted && errors.periodStart} onChange={(event) => setPeriodStart(event.currentTarget.value)} data-autofocus />
      <TextInput type="date" label={t('agreements.measurements.periodEnd')} required value={periodEnd} error={submitted && errors.periodEnd} onChange={(event) => setPeriodEnd(event.currentTarget.value)} />
      <NumberInput
        label={t('agreements.measurements.valueIn', { unit: indicator.unit })}
        required
        value={value}
        onChange={setValue}
        min={-MAX_QUANTITY}
        max={MAX_QUANTITY}
        decimalScale={4}
        error={submitted && errors.value}
      />
      <Textarea label={t('agreements.measurements.note')} value={note} autosize minRows={2} maxLength={5000} onChange={(event) => setNote(event.currentTarget.value)} />
      <FileInput
        label={t('agreements.measurements.evidence')}
        description={t('agreements.measurements.evidenceHint')}
        placeholder={t('agreements.measurements.chooseFiles')}
        multiple
        clearable
        accept={EVIDENCE_ACCEPT}
        value={files}
        onChange={setFiles}
      />
    </DialogForm>
  );
}
