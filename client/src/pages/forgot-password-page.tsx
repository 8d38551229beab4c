import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordForm } from '../features/auth/components/forgot-password-form';
import { useDocumentTitle } from '../i18n/use-document-title';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const headingId = useId();
  useDocumentTitle(t('auth.forgot.title'));
  return (
    <section className="auth-card panel" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('auth.forgot.title')}</h1>
      <p className="muted">{t('auth.forgot.intro')}</p>
      <ForgotPasswordForm />
      <Link to="/login">{t('auth.forgot.back')}</Link>
    </section>
  );
}
