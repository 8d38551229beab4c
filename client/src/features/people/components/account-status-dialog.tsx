import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Modal } from '../../../ui/modal';

/**
 * Asks before disabling or enabling an account, saying what it does: disabling signs the person out
 * everywhere at once. A refusal stays in the dialog, beside the action that caused it.
 */
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
  const titleId = useId();
  const disabling = user ? !user.disabled : true;
  const name = user?.displayName ?? '';
  return (
    <Modal open={user !== undefined} onClose={onClose} labelledBy={titleId}>
      <h2 id={titleId}>{t(disabling ? 'people.disable.title' : 'people.enable.title', { name })}</h2>
      <p>{t(disabling ? 'people.disable.explanation' : 'people.enable.explanation', { name })}</p>
      {error !== null && <ErrorAlert error={error} />}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={pending} onClick={() => user && onConfirm(user)}>
          {disabling ? t(pending ? 'people.disable.working' : 'people.disable.confirm') : t(pending ? 'people.enable.working' : 'people.enable.confirm')}
        </button>
        <button type="button" className="button button-outline" onClick={onClose}>
          {t('people.cancel')}
        </button>
      </div>
    </Modal>
  );
}
