import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { LoginForm } from '../features/auth/components/login-form';
import { useSession } from '../features/auth/hooks/use-session';
import { returnPathFrom } from '../features/auth/return-path';
import { useDocumentTitle } from '../i18n/use-document-title';
import { CardPage } from '../ui/card-page';
import { LoadingStatus } from '../ui/query-state';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  useDocumentTitle(t('auth.signIn.title'));

  if (session.status === 'restoring') return <LoadingStatus message={t('app.restoringSession')} />;
  if (session.status === 'signed-in') return <Navigate to={returnPathFrom(location.state)} replace />;

  return (
    <CardPage title={t('auth.signIn.title')} intro={t('auth.signIn.intro')}>
      {session.reason === 'expired' && (
        <Alert role="status" variant="light" mb="md">
          {t('auth.signIn.sessionExpired')}
        </Alert>
      )}
      <LoginForm />
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/forgot-password">
          {t('auth.forgot.link')}
        </Anchor>
      </Text>
    </CardPage>
  );
}
