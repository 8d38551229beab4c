import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, type CommitmentDto, type CommitmentStatus } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { toastSuccess } from '../../../ui/toast';
import { useReportProgress } from '../hooks/use-commitments';

/** A progress note and, if it changed, the new status (blocked with its reason), reported inline. */
export function ProgressForm({ agreementId, commitment }: { agreementId: string; commitment: CommitmentDto }) {
  const { t } = useTranslation();
  const report = useReportProgress(agreementId, commitment.id);
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status);
  const [note, setNote] = useState('');
  const [blockedReason, setBlockedReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const noteMissing = submitted && !note.trim();
  const reasonMissing = submitted && status === 'blocked' && !blockedReason.trim();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!note.trim() || (status === 'blocked' && !blockedReason.trim())) return;
    const changed = status !== commitment.status || status === 'blocked';
    report.mutate(
      {
        version: commitment.version,
        note: note.trim(),
        ...(changed && { status }),
        ...(changed && status === 'blocked' && { blockedReason: blockedReason.trim() }),
      },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.commitments.reported'));
          setNote('');
          setBlockedReason('');
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('agreements.commitments.reportLabel')}>
      <Stack gap="xs">
        {report.isError && <ErrorAlert error={report.error} />}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('agreements.fields.status')}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as CommitmentStatus)}
            data={COMMITMENT_STATUSES.map((value) => ({ value, label: t(`agreements.commitmentStatuses.${value}`) }))}
          />
          {status === 'blocked' && (
            <TextInput
              label={t('agreements.commitments.blockedReason')}
              required
              value={blockedReason}
              maxLength={2000}
              error={reasonMissing ? t('agreements.commitments.blockedReasonRequired') : undefined}
              onChange={(event) => setBlockedReason(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 200 }}
            />
          )}
        </Group>
        <Textarea
          label={t('agreements.commitments.note')}
          required
          value={note}
          autosize
          minRows={2}
          maxLength={5000}
          error={noteMissing ? t('agreements.commitments.noteRequired') : undefined}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={report.isPending}>
            {t('agreements.commitments.report')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
