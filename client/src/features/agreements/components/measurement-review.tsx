import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasurementDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { toastError, toastSuccess } from '../../../ui/toast';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useReviewMeasurement } from '../hooks/use-indicators';
import { DialogForm } from './dialog-form';

/** Verify a measurement, or dispute it with a reason: another party's word on what was reported. */
export function MeasurementReview({ agreementId, measurement }: { agreementId: string; measurement: MeasurementDto }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const review = useReviewMeasurement(agreementId, measurement.id);
  const [disputing, setDisputing] = useState(false);
  const verify = () =>
    review.mutate(
      { version: measurement.version, verdict: 'verified' },
      { onSuccess: () => toastSuccess(t('agreements.measurements.verifiedDone')), onError: (error) => toastError(describeError(error)) },
    );
  return (
    <>
      <Group gap={4}>
        <Button size="compact-xs" onClick={verify} loading={review.isPending && !disputing}>
          {t('agreements.measurements.verify')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setDisputing(true)}>
          {t('agreements.measurements.dispute')}
        </Button>
      </Group>
      <Dialog open={disputing} onClose={() => setDisputing(false)} title={t('agreements.measurements.dispute')} size="md">
        <DisputeForm agreementId={agreementId} measurement={measurement} onDone={() => setDisputing(false)} />
      </Dialog>
    </>
  );
}

function DisputeForm({ agreementId, measurement, onDone }: { agreementId: string; measurement: MeasurementDto; onDone: () => void }) {
  const { t } = useTranslation();
  const review = useReviewMeasurement(agreementId, measurement.id);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = () => {
    setSubmitted(true);
    if (!reason.trim()) return;
    review.mutate(
      { version: measurement.version, verdict: 'disputed', reason: reason.trim() },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.measurements.disputedDone'));
          onDone();
        },
      },
    );
  };
  return (
    <DialogForm onSubmit={onSubmit} error={review.error} pending={review.isPending} submit={t('agreements.measurements.dispute')} onCancel={onDone}>
      <Textarea
        label={t('agreements.measurements.disputeReason')}
        required
        value={reason}
        autosize
        minRows={2}
        maxLength={2000}
        error={submitted && !reason.trim() ? t('agreements.measurements.disputeReasonRequired') : undefined}
        onChange={(event) => setReason(event.currentTarget.value)}
        data-autofocus
      />
    </DialogForm>
  );
}
