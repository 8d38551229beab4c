import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ResetPasswordForm } from '../features/auth/components/reset-password-form';
import { useDocumentTitle } from '../i18n/use-document-title';
import { CardPage } from '../ui/card-page';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('auth.reset.title'));
  return (
    <CardPage title={t('auth.reset.title')}>
      <ResetPasswordForm token={token} />
    </CardPage>
  );
}
