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
  const ids = { email: useId(), password: useId(), error: useId() };

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

  const message = missing
    ? t(missing === 'email' ? 'auth.signIn.emailRequired' : 'auth.signIn.passwordRequired')
    : login.isError
      ? describeError(login.error)
      : null;
  const invalid = (field: MissingField) => missing === field || (missing === null && login.isError);

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={message ? ids.error : undefined}>
      {message && (
        <p id={ids.error} role="alert" className="form-error">
          {message}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.email}>{t('auth.signIn.email')}</label>
        <input
          ref={emailRef}
          id={ids.email}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={invalid('email') || undefined}
          aria-describedby={invalid('email') && message ? ids.error : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('auth.signIn.password')}</label>
        <input
          ref={passwordRef}
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={invalid('password') || undefined}
          aria-describedby={invalid('password') && message ? ids.error : undefined}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={login.isPending}>
        {login.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
