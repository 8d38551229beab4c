import { useTranslation } from 'react-i18next';
import type { UserDto } from '@enlace/shared';
import { ConfirmDialog } from '../../../ui/confirm-dialog';

/** Asks before disabling or enabling an account, saying what it does: disabling signs the person out everywhere at once. */
export function AccountStatusDialog({
  user,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  /** The account to change; the dialog is closed when undefined. */
  user: UserDto | undefined;
  pending: boolean;
  error: unknown;
  onConfirm: (user: UserDto) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const disabling = user ? !user.disabled : true;
  const name = user?.displayName ?? '';
  return (
    <ConfirmDialog
      open={user !== undefined}
      onClose={onClose}
      title={t(disabling ? 'people.disable.title' : 'people.enable.title', { name })}
      confirmLabel={disabling ? t(pending ? 'people.disable.working' : 'people.disable.confirm') : t(pending ? 'people.enable.working' : 'people.enable.confirm')}
      danger={disabling}
      pending={pending}
      error={error}
      onConfirm={() => user && onConfirm(user)}
    >
      {t(disabling ? 'people.disable.explanation' : 'people.enable.explanation', { name })}
    </ConfirmDialog>
  );
}
