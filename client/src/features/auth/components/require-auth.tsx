import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageStatus } from '../../../ui/page-status';
import { useSession } from '../hooks/use-session';

/** Guards the signed-in part of the app; the login page sends the user back to `from` afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.status === 'restoring') return <PageStatus message={t('app.restoringSession')} />;
  if (session.status === 'signed-out') return <Navigate to="/login" replace state={{ from: location }} />;
  return <Outlet />;
}
