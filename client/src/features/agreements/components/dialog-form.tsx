import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';

interface DialogFormProps {
  /** Called on submit (Enter or the main button); the browser's own validation is off, the form shows its errors. */
  onSubmit: () => void;
  /** The failed request, shown above the fields in the user's language. */
  error: unknown;
  pending: boolean;
  /** The main action's label. */
  submit: string;
  onCancel: () => void;
  children: ReactNode;
}

/** A form inside a `Dialog`: the request's error, the fields, then Cancel and the main action, end-aligned. */
export function DialogForm({ onSubmit, error, pending, submit, onCancel, children }: DialogFormProps) {
  const { t } = useTranslation();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {error != null && <ErrorAlert error={error} />}
        {children}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('agreements.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
