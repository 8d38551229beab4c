import { Anchor, Box, Burger, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../features/auth/hooks/use-session';
import { LanguageSwitcher } from '../../i18n/language-switcher';
import { UserMenu } from './user-menu';

/** The top bar: on phones one compact row (burger, name, language, account) no taller than 52 px. */
export function AppHeader({ navId, navOpen, onToggleNav }: { navId: string; navOpen: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';

  return (
    <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="sm" wrap="nowrap">
      {signedIn && (
        <Burger
          opened={navOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('shell.navigation')}
          aria-expanded={navOpen}
          aria-controls={navId}
        />
      )}
      <Anchor component={Link} to="/" underline="never" c="inherit" className="brand">
        <Text component="span" fw={800} size="lg">
          {t('app.name')}
        </Text>
        <Text component="span" size="xs" c="dimmed" visibleFrom="md" ml="sm">
          {t('app.tagline')}
        </Text>
      </Anchor>
      {/* Slots for the coming search (command palette) and notifications: empty until those features fill them. */}
      <Box flex={1} miw={0} data-slot="search" />
      <Box data-slot="notifications" />
      <LanguageSwitcher />
      {signedIn && <UserMenu user={session.user} />}
    </Group>
  );
}
