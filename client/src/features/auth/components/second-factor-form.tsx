import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
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
  const ids = { code: useId(), hint: useId(), error: useId() };
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
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>{t('auth.secondFactor.intro')}</p>
      {message && (
        <p id={ids.error} role="alert" className="form-error">
          {message}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.code}>{t('auth.secondFactor.code')}</label>
        <input
          ref={codeRef}
          id={ids.code}
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${ids.hint} ${ids.error}` : ids.hint}
        />
        <p id={ids.hint} className="muted small">
          {t('auth.secondFactor.hint')}
        </p>
      </div>
      <button type="submit" className="button button-primary" disabled={submit.isPending}>
        {submit.isPending ? t('auth.signIn.submitting') : t('auth.secondFactor.submit')}
      </button>
      <button type="button" className="button button-outline" onClick={onRestart}>
        {t('auth.secondFactor.restart')}
      </button>
    </form>
  );
}
