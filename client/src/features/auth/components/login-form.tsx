import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../hooks/use-login';
import { useLoginErrorMessage } from '../hooks/use-login-error-message';
import { SecondFactorForm } from './second-factor-form';

type MissingField = 'email' | 'password';

/**
 * On success the session store flips to signed-in; the page decides where to go next. An account with a
 * second factor gets a second step, the code, before that.
 */
export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const describeError = useLoginErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<MissingField | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Checked here rather than by the browser so the messages follow the chosen language.
    const firstMissing: MissingField | null = !email.trim() ? 'email' : !password ? 'password' : null;
    setMissing(firstMissing);
    if (firstMissing) {
      (firstMissing === 'email' ? emailRef : passwordRef).current?.focus();
      return;
    }
    login.mutate({ email: email.trim(), password });
  };

  if (login.data && 'mfaRequired' in login.data) return <SecondFactorForm challenge={login.data.challenge} onRestart={() => login.reset()} />;

  // A missing field is said under that field; a refused sign-in concerns both, so it is said above them.
  const fieldError = (field: MissingField) =>
    missing === field ? t(field === 'email' ? 'auth.signIn.emailRequired' : 'auth.signIn.passwordRequired') : missing === null && login.isError;
  const refusal = missing === null && login.isError ? describeError(login.error) : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={refusal ? errorId : undefined}>
      <Stack gap="md">
        {refusal && (
          <Alert id={errorId} role="alert" color="red" variant="light">
            {refusal}
          </Alert>
        )}
        <TextInput
          ref={emailRef}
          label={t('auth.signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldError('email')}
        />
        <TextInput
          ref={passwordRef}
          label={t('auth.signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError('password')}
        />
        <Button type="submit" disabled={login.isPending}>
          {login.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
