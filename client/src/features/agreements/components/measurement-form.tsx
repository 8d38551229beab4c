import { FileInput, NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY, type IndicatorDto, type MeasurementDto } from '@enlace/shared';
import { toastSuccess } from '../../../ui/toast';
import { useRecordMeasurement } from '../hooks/use-indicators';
import { todayUtc } from '../use-format';
import { DialogForm } from './dialog-form';

/** What the server accepts as evidence (it checks the content; this only narrows the file picker). */
const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.csv,.txt';

interface MeasurementFormProps {
  agreementId: string;
  commitmentId: string;
  indicator: IndicatorDto;
  /** The measurement this one corrects: its period and value are the starting point, and it stays as it was. */
  corrects?: MeasurementDto;
  onDone: () => void;
}

/** A value for a period with its note and evidence files, uploaded before the measurement names them; or a correction. */
export function MeasurementForm({ agreementId, commitmentId, indicator, corrects, onDone }: MeasurementFormProps) {
  const { t } = useTranslation();
  const record = useRecordMeasurement(agreementId, commitmentId, indicator.id);
  const [periodStart, setPeriodStart] = useState(corrects?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(corrects?.periodEnd ?? todayUtc());
  const [value, setValue] = useState<number | string>(corrects?.value ?? '');
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
      { periodStart, periodEnd, value, ...(note.trim() && { note: note.trim() }), ...(corrects && { supersedesId: corrects.id }), files },
      {
        onSuccess: () => {
          toastSuccess(corrects ? t('agreementEditing.corrected') : t('agreements.measurements.recorded'));
          onDone();
        },
      },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={record.error} pending={record.isPending} submit={corrects ? t('agreementEditing.correct') : t('agreements.measurements.submit')} onCancel={onDone}>
      {corrects && <Text size="sm">{t('agreementEditing.correctionHint')}</Text>}
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
