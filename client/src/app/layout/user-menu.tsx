import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserDto } from '@enlace/shared';
import { useLogout } from '../../features/auth/hooks/use-logout';
import { useErrorMessage } from '../../i18n/use-error-message';
import { initials } from '../../ui/initials';
import { toastError } from '../../ui/toast';

/** The signed-in person's menu: their account page and signing out. */
export function UserMenu({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const describeError = useErrorMessage();
  const signOut = () => logout.mutate(undefined, { onError: (error) => toastError(t('auth.signOutFailed', { reason: describeError(error) })) });

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton className="user-menu-button">
          <Group gap="xs" wrap="nowrap">
            <Avatar size={32} radius="xl" color="navy" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            {/* The accessible name says what the button is and includes the name shown. */}
            <span className="visually-hidden">{t('shell.accountMenu')}: </span>
            {/* On phones only the initials show; the name stays in the accessible name. */}
            <Text size="sm" fw={600} truncate maw={180} className="user-menu-name">
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('account.nav')}
        </Menu.Item>
        <Menu.Item onClick={signOut} disabled={logout.isPending}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
