import { useTranslation } from 'react-i18next';
import { AccountSummary } from '../features/account/components/account-summary';
import { MembershipSummary } from '../features/account/components/membership-summary';
import { useMe } from '../features/account/hooks/use-me';
import { useDocumentTitle } from '../i18n/use-document-title';
import { ErrorAlert } from '../ui/error-alert';
import { PageStatus } from '../ui/page-status';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('home.title'));

  if (me.isPending) return <PageStatus message={t('app.loading')} />;
  if (me.isError) return <ErrorAlert error={me.error} />;

  return (
    <div className="stack">
      <h1>{t('home.welcome', { name: me.data.user.displayName })}</h1>
      <AccountSummary me={me.data} />
      <MembershipSummary memberships={me.data.memberships} />
    </div>
  );
}
