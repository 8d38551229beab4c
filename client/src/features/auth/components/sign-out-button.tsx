import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useLogout } from '../hooks/use-logout';

export function SignOutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  const describeError = useErrorMessage();

  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('auth.signOut')}
      </button>
      {logout.isError && (
        <p role="alert" className="inline-error">
          {t('auth.signOutFailed', { reason: describeError(logout.error) })}
        </p>
      )}
    </>
  );
}
