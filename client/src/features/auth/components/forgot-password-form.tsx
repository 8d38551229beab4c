import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';
import { forgotPassword } from '../api/auth-api';

/** Asks for a reset link. The answer is the same whether the address has an account or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: forgotPassword });
  const ids = { email: useId() };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (email.trim()) send.mutate({ email: email.trim() });
  };

  if (send.isSuccess) {
    return (
      <p role="status" className="alert alert-info">
        {t('auth.forgot.sent', { email: email.trim() })}
      </p>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {send.isError && <ErrorAlert error={send.error} />}
      <div className="field">
        <label htmlFor={ids.email}>{t('auth.signIn.email')}</label>
        <input id={ids.email} name="email" type="email" autoComplete="username" inputMode="email" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} required />
      </div>
      <button type="submit" className="button button-primary" disabled={send.isPending || !email.trim()}>
        {t('auth.forgot.submit')}
      </button>
    </form>
  );
}
