import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { passwordProblem } from '../../auth/password-error';
import { changePassword } from '../api/security-api';

/** Changing the password with the current one; the account's other sessions end, this one goes on. */
export function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrent('');
      setNext('');
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (current && next.length >= PASSWORD_MIN_LENGTH) change.mutate({ currentPassword: current, newPassword: next });
  };
  const problem = passwordProblem(change.error);

  return (
    <Panel title={t('account.password.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={420}>
          {change.isSuccess && (
            <Alert role="status" variant="light">
              {t('account.password.changed')}
            </Alert>
          )}
          {!problem && change.isError && <ErrorAlert error={change.error} />}
          <TextInput
            label={t('account.password.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={problem === 'wrongCurrent' && t('account.password.wrongCurrent')}
          />
          <TextInput
            label={t('account.password.new')}
            description={t('account.password.rule', { min: PASSWORD_MIN_LENGTH })}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={problem === 'common' && t('account.password.common')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <div>
            <Button type="submit" disabled={change.isPending || !current || next.length < PASSWORD_MIN_LENGTH}>
              {t('account.password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Panel>
  );
}
