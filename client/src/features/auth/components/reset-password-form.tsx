import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { resetPassword } from '../api/auth-api';
import { passwordProblem } from '../password-error';

/** A new password from the e-mailed link; every session of the account ends, so the person signs in again. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: resetPassword });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password.length >= PASSWORD_MIN_LENGTH) reset.mutate({ token, password });
  };

  if (reset.isSuccess) {
    return (
      <Alert role="status" variant="light">
        <Text size="sm" mb="xs">
          {t('auth.reset.done')}
        </Text>
        <Anchor component={Link} to="/login" size="sm">
          {t('auth.signIn.title')}
        </Anchor>
      </Alert>
    );
  }
  const problem = passwordProblem(reset.error);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {!problem && reset.isError && <ErrorAlert error={reset.error} />}
        <TextInput
          label={t('account.password.new')}
          description={t('account.password.rule', { min: PASSWORD_MIN_LENGTH })}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={problem && t(problem === 'common' ? 'account.password.common' : 'auth.reset.expired')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Button type="submit" disabled={reset.isPending || password.length < PASSWORD_MIN_LENGTH}>
          {t('auth.reset.submit')}
        </Button>
        {problem === 'expiredLink' && (
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.forgot.title')}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}
