import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ResetPasswordForm } from '../features/auth/components/reset-password-form';
import { useDocumentTitle } from '../i18n/use-document-title';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const headingId = useId();
  useDocumentTitle(t('auth.reset.title'));
  return (
    <section className="auth-card panel" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('auth.reset.title')}</h1>
      <ResetPasswordForm token={token} />
    </section>
  );
}
