import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@enlace/shared';
import { SignOutButton } from '../../features/auth/components/sign-out-button';

export function UserMenu({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div className="user-menu" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        {t('auth.userMenuLabel')}
      </span>
      <span className="user-name">{user.displayName}</span>
      <SignOutButton />
    </div>
  );
}
