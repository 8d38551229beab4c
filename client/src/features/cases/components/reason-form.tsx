import { Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../agreements/components/dialog-form';

/**
 * A dialog's form that asks why before acting (reading protected fields, revoking a consent, declining a
 * referral): what the action means, then the reason, which the server records and requires.
 */
export function ReasonForm({
  label,
  submit,
  maxLength = 2000,
  pending,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  submit: string;
  maxLength?: number;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tooShort = reason.trim().length < 3;
  return (
    <DialogForm
      onSubmit={() => {
        setSubmitted(true);
        if (!tooShort) onSubmit(reason.trim());
      }}
      error={error}
      pending={pending}
      submit={submit}
      onCancel={onCancel}
    >
      {children}
      <Textarea
        label={label}
        required
        value={reason}
        autosize
        minRows={2}
        maxLength={maxLength}
        error={submitted && tooShort ? t('cases.sensitive.reasonRequired') : undefined}
        onChange={(event) => setReason(event.currentTarget.value)}
        data-autofocus
      />
    </DialogForm>
  );
}
