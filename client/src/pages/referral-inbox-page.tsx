import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/use-session';
import { ReferralInbox } from '../features/cases/components/referral-inbox';
import { useDocumentTitle } from '../i18n/use-document-title';

/** The organisation's incoming referrals, for its admins (the route is guarded by canUseReferralInbox). */
export function ReferralInboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('cases.inbox.heading'));
  const organizationId = session.status === 'signed-in' ? session.user.organizationId : null;
  return (
    <Stack gap="md">
      <Title order={1}>{t('cases.inbox.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('cases.inbox.intro')}
      </Text>
      {organizationId && <ReferralInbox organizationId={organizationId} />}
    </Stack>
  );
}
