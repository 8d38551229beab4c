import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountSummary } from '../features/account/components/account-summary';
import { MembershipSummary } from '../features/account/components/membership-summary';
import { useMe } from '../features/account/hooks/use-me';
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
          <AccountSummary me={data} />
          <MembershipSummary memberships={data.memberships} />
        </Stack>
      )}
    </QueryState>
  );
}
