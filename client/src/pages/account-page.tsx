import { useTranslation } from 'react-i18next';
import { PasswordSection } from '../features/account/components/password-section';
import { SessionsSection } from '../features/account/components/sessions-section';
import { TwoFactorSection } from '../features/account/components/two-factor-section';
import { useMe } from '../features/account/hooks/use-me';
import { useDocumentTitle } from '../i18n/use-document-title';
import { ErrorAlert } from '../ui/error-alert';
import { PageStatus } from '../ui/page-status';

/** Sign-in security: two-factor, password, sessions. An account that must set up two-factor sees only that part. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('account.title'));

  if (me.isPending) return <PageStatus message={t('app.loading')} />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  return (
    <div className="stack">
      <h1>{t('account.title')}</h1>
      <TwoFactorSection enabled={me.data.twoFactorEnabled} required={me.data.mustEnrolTwoFactor} />
      {!me.data.mustEnrolTwoFactor && (
        <>
          <PasswordSection />
          <SessionsSection />
        </>
      )}
    </div>
  );
}
