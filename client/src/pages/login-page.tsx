import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { LoginForm } from '../features/auth/components/login-form';
import { useSession } from '../features/auth/hooks/use-session';
import { returnPathFrom } from '../features/auth/return-path';
import { useDocumentTitle } from '../i18n/use-document-title';
import { PageStatus } from '../ui/page-status';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const headingId = useId();
  useDocumentTitle(t('auth.signIn.title'));

  if (session.status === 'restoring') return <PageStatus message={t('app.restoringSession')} />;
  if (session.status === 'signed-in') return <Navigate to={returnPathFrom(location.state)} replace />;

  return (
    <section className="auth-card panel" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('auth.signIn.title')}</h1>
      <p className="muted">{t('auth.signIn.intro')}</p>
      {session.reason === 'expired' && (
        <p role="status" className="alert alert-info">
          {t('auth.signIn.sessionExpired')}
        </p>
      )}
      <LoginForm />
      <Link to="/forgot-password">{t('auth.forgot.link')}</Link>
    </section>
  );
}
