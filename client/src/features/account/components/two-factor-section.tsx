import { Anchor, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnrolmentDto } from '@enlace/shared';
import { twoFactorEnrolled } from '../../../api/session';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { confirmTwoFactor, removeTwoFactor, startTwoFactor } from '../api/security-api';

/**
 * Two-factor sign-in: set up (the secret and its otpauth link, confirmed with a first code; the recovery
 * codes shown once), or removed with the password.
 */
export function TwoFactorSection({ enabled, required }: { enabled: boolean; required: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolmentDto>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me'] });

  const start = useMutation({ mutationFn: startTwoFactor, onSuccess: setEnrolment });
  const confirm = useMutation({
    mutationFn: confirmTwoFactor,
    onSuccess: ({ recoveryCodes: codes }) => {
      setEnrolment(undefined);
      setRecoveryCodes(codes);
      setCode('');
      twoFactorEnrolled();
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: removeTwoFactor,
    onSuccess: () => {
      setPassword('');
      setRecoveryCodes(undefined);
      void refresh();
    },
  });

  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code.trim()) confirm.mutate({ code: code.trim() });
  };
  const onRemove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password) remove.mutate({ password });
  };

  let body;
  if (recoveryCodes) {
    body = (
      <Stack role="status" gap="sm">
        <Text size="sm">{t('account.twoFactor.recoveryIntro')}</Text>
        <ul className="recovery-codes" aria-label={t('account.twoFactor.recoveryLabel')}>
          {recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <Code>{recovery}</Code>
            </li>
          ))}
        </ul>
      </Stack>
    );
  } else if (enabled) {
    body = (
      <form onSubmit={onRemove} noValidate>
        <Stack gap="md" maw={420}>
          <Text size="sm">{t('account.twoFactor.on')}</Text>
          {remove.isError && <ErrorAlert error={remove.error} />}
          <TextInput
            label={t('account.twoFactor.passwordToRemove')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <div>
            <Button type="submit" variant="default" disabled={remove.isPending || !password}>
              {t('account.twoFactor.remove')}
            </Button>
          </div>
        </Stack>
      </form>
    );
  } else if (enrolment) {
    body = (
      <form onSubmit={onConfirm} noValidate>
        <Stack gap="md" maw={520}>
          <Text size="sm">{t('account.twoFactor.scan')}</Text>
          <Anchor href={enrolment.uri} size="sm">
            {t('account.twoFactor.openApp')}
          </Anchor>
          <Text size="sm">
            {t('account.twoFactor.secret')}{' '}
            <Code data-testid="totp-secret" className="secret">
              {enrolment.secret}
            </Code>
          </Text>
          {confirm.isError && <ErrorAlert error={confirm.error} />}
          <TextInput
            label={t('account.twoFactor.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            maw={240}
          />
          <div>
            <Button type="submit" disabled={confirm.isPending || !code.trim()}>
              {t('account.twoFactor.confirm')}
            </Button>
          </div>
        </Stack>
      </form>
    );
  } else {
    body = (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t(required ? 'account.twoFactor.required' : 'account.twoFactor.off')}</Text>
        {start.isError && <ErrorAlert error={start.error} />}
        <Button onClick={() => start.mutate()} disabled={start.isPending}>
          {t('account.twoFactor.setUp')}
        </Button>
      </Stack>
    );
  }

  return <Panel title={t('account.twoFactor.heading')}>{body}</Panel>;
}
