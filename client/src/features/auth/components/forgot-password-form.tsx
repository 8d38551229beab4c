import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';
import { forgotPassword } from '../api/auth-api';

/** Asks for a reset link. The answer is the same whether the address has an account or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: forgotPassword });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (email.trim()) send.mutate({ email: email.trim() });
  };

  if (send.isSuccess) {
    return (
      <Alert role="status" variant="light">
        {t('auth.forgot.sent', { email: email.trim() })}
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {send.isError && <ErrorAlert error={send.error} />}
        <TextInput
          label={t('auth.signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <Button type="submit" loading={send.isPending} disabled={!email.trim()}>
          {t('auth.forgot.submit')}
        </Button>
      </Stack>
    </form>
  );
}
