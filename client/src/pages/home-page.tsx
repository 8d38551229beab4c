import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountSummary } from '../features/account/components/account-summary';
import { useMe } from '../features/account/hooks/use-me';
import { AssignedCards } from '../features/home/components/assigned-cards';
import { InvitationInbox } from '../features/home/components/invitation-inbox';
import { RecentWorkspaces } from '../features/home/components/recent-workspaces';
import { useDocumentTitle } from '../i18n/use-document-title';
import { QueryState } from '../ui/query-state';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('home.title'));

  return (
    <QueryState query={me}>
      {(data) => (
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t('home.welcome', { name: data.user.displayName })}
          </Title>
          <InvitationInbox />
          <RecentWorkspaces />
          <AssignedCards />
          <AccountSummary me={data} />
        </Stack>
      )}
    </QueryState>
  );
}
