import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../../api/api-error';
import { useLoginWithCode } from '../hooks/use-login';
import { useLoginErrorMessage } from '../hooks/use-login-error-message';

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function SecondFactorForm({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const submit = useLoginWithCode();
  const describeError = useLoginErrorMessage();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => codeRef.current?.focus(), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!code.trim());
    if (!code.trim()) return codeRef.current?.focus();
    submit.mutate({ challenge, code: code.trim() });
  };

  const wrongCode = submit.error instanceof ApiRequestError && submit.error.code === 'UNAUTHENTICATED';
  const message = missing ? t('auth.secondFactor.required') : wrongCode ? t('auth.secondFactor.wrong') : submit.isError ? describeError(submit.error) : null;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('auth.secondFactor.intro')}</Text>
        <TextInput
          ref={codeRef}
          label={t('auth.secondFactor.code')}
          description={t('auth.secondFactor.hint')}
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={message}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Group gap="sm">
          <Button type="submit" disabled={submit.isPending}>
            {submit.isPending ? t('auth.signIn.submitting') : t('auth.secondFactor.submit')}
          </Button>
          <Button type="button" variant="default" onClick={onRestart}>
            {t('auth.secondFactor.restart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
