import { useTranslation } from 'react-i18next';
import { AccountSummary } from '../features/account/components/account-summary';
import { useMe } from '../features/account/hooks/use-me';
import { AssignedCards } from '../features/home/components/assigned-cards';
import { InvitationInbox } from '../features/home/components/invitation-inbox';
import { RecentWorkspaces } from '../features/home/components/recent-workspaces';
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
      <InvitationInbox />
      <RecentWorkspaces />
      <AssignedCards />
      <AccountSummary me={me.data} />
    </div>
  );
}
