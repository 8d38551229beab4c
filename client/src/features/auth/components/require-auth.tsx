import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageStatus } from '../../../ui/page-status';
import { AccountLanguage } from '../../account/components/account-language';
import { useSession } from '../hooks/use-session';

/**
 * Guards the signed-in part of the app; the login page sends the user back to `from` afterwards. An account
 * that must set up a second factor sees only its account page until it has (the server holds it there too).
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.status === 'restoring') return <PageStatus message={t('app.restoringSession')} />;
  if (session.status === 'signed-out') return <Navigate to="/login" replace state={{ from: location }} />;
  if (session.mustEnrolTwoFactor && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return (
    <>
      <AccountLanguage />
      <Outlet />
    </>
  );
}
