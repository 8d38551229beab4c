import { Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';
import { ErrorAlert } from './error-alert';

/**
 * Asks before an action that is hard to undo, saying what it does. A refusal stays in the dialog, beside the
 * action that caused it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  /** Says what happens ("Disable account"), changing while it happens ("Disabling…"). */
  confirmLabel: string;
  /** Red for what takes something away (disabling, removing). */
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      size="md"
      footer={
        <>
          <Button variant="default" onClick={onClose}>
            {t('ui.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} disabled={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <Text size="sm" mb={error ? 'sm' : 0}>
        {children}
      </Text>
      {error !== null && error !== undefined && <ErrorAlert error={error} />}
    </Dialog>
  );
}
