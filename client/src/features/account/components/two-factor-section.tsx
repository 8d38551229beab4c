import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnrolmentDto } from '@enlace/shared';
import { twoFactorEnrolled } from '../../../api/session';
import { ErrorAlert } from '../../../ui/error-alert';
import { confirmTwoFactor, removeTwoFactor, startTwoFactor } from '../api/security-api';

/**
 * Two-factor sign-in: set up (the secret and its otpauth link, confirmed with a first code; the recovery
 * codes shown once), or removed with the password.
 */
export function TwoFactorSection({ enabled, required }: { enabled: boolean; required: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const ids = { code: useId(), password: useId() };
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
      <div role="status" className="stack">
        <p>{t('account.twoFactor.recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('account.twoFactor.recoveryLabel')}>
          {recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <code>{recovery}</code>
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (enabled) {
    body = (
      <form className="form" onSubmit={onRemove} noValidate>
        <p>{t('account.twoFactor.on')}</p>
        {remove.isError && <ErrorAlert error={remove.error} />}
        <div className="field">
          <label htmlFor={ids.password}>{t('account.twoFactor.passwordToRemove')}</label>
          <input id={ids.password} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        <button type="submit" className="button button-outline" disabled={remove.isPending || !password}>
          {t('account.twoFactor.remove')}
        </button>
      </form>
    );
  } else if (enrolment) {
    body = (
      <form className="form" onSubmit={onConfirm} noValidate>
        <p>{t('account.twoFactor.scan')}</p>
        <p>
          <a href={enrolment.uri}>{t('account.twoFactor.openApp')}</a>
        </p>
        <p>
          {t('account.twoFactor.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
        </p>
        {confirm.isError && <ErrorAlert error={confirm.error} />}
        <div className="field">
          <label htmlFor={ids.code}>{t('account.twoFactor.code')}</label>
          <input id={ids.code} autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={confirm.isPending || !code.trim()}>
          {t('account.twoFactor.confirm')}
        </button>
      </form>
    );
  } else {
    body = (
      <div className="stack">
        <p>{t(required ? 'account.twoFactor.required' : 'account.twoFactor.off')}</p>
        {start.isError && <ErrorAlert error={start.error} />}
        <button type="button" className="button button-primary" onClick={() => start.mutate()} disabled={start.isPending}>
          {t('account.twoFactor.setUp')}
        </button>
      </div>
    );
  }

  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.twoFactor.heading')}</h2>
      {body}
    </section>
  );
}
