import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { passwordProblem } from '../../auth/password-error';
import { changePassword } from '../api/security-api';

/** Changing the password with the current one; the account's other sessions end, this one goes on. */
export function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const ids = { current: useId(), next: useId(), hint: useId() };
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
    <section className="panel stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.password.heading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {change.isSuccess && (
          <p role="status" className="alert alert-info">
            {t('account.password.changed')}
          </p>
        )}
        {problem ? (
          <p role="alert" className="form-error">
            {t(problem === 'common' ? 'account.password.common' : 'account.password.wrongCurrent')}
          </p>
        ) : (
          change.isError && <ErrorAlert error={change.error} />
        )}
        <div className="field">
          <label htmlFor={ids.current}>{t('account.password.current')}</label>
          <input id={ids.current} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.next}>{t('account.password.new')}</label>
          <input id={ids.next} type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} aria-describedby={ids.hint} />
          <p id={ids.hint} className="muted small">
            {t('account.password.rule', { min: PASSWORD_MIN_LENGTH })}
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={change.isPending || !current || next.length < PASSWORD_MIN_LENGTH}>
          {t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}
