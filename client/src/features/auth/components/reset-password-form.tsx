import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
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
  const ids = { password: useId(), hint: useId() };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password.length >= PASSWORD_MIN_LENGTH) reset.mutate({ token, password });
  };

  if (reset.isSuccess) {
    return (
      <div role="status" className="alert alert-info">
        <p>{t('auth.reset.done')}</p>
        <Link to="/login">{t('auth.signIn.title')}</Link>
      </div>
    );
  }
  const problem = passwordProblem(reset.error);
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {problem ? (
        <p role="alert" className="form-error">
          {t(problem === 'common' ? 'account.password.common' : 'auth.reset.expired')}
        </p>
      ) : (
        reset.isError && <ErrorAlert error={reset.error} />
      )}
      <div className="field">
        <label htmlFor={ids.password}>{t('account.password.new')}</label>
        <input id={ids.password} name="password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby={ids.hint} />
        <p id={ids.hint} className="muted small">
          {t('account.password.rule', { min: PASSWORD_MIN_LENGTH })}
        </p>
      </div>
      <button type="submit" className="button button-primary" disabled={reset.isPending || password.length < PASSWORD_MIN_LENGTH}>
        {t('auth.reset.submit')}
      </button>
      {problem === 'expiredLink' && <Link to="/forgot-password">{t('auth.forgot.title')}</Link>}
    </form>
  );
}
