import { subject } from '@casl/ability';
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { PageStatus } from '../../../ui/page-status';
import { useHubAbility } from '../../auth/hooks/use-hub-ability';
import { useUserId } from '../../auth/hooks/use-user-id';
import { sendPasswordReset } from '../api/people-api';
import { useOrganizationUsers, useSetUserDisabled } from '../hooks/use-organization-users';
import { AccountStatusDialog } from './account-status-dialog';

/** An organisation's accounts, disabled ones included, with disable and enable for those the rules allow. */
export function PeopleList({ organizationId, organizationName }: { organizationId: string; organizationName: string | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const me = useUserId();
  const ability = useHubAbility();
  const users = useOrganizationUsers(organizationId);
  const setDisabled = useSetUserDisabled(organizationId);
  const [confirming, setConfirming] = useState<UserDto>();
  const [done, setDone] = useState('');
  const sendReset = useMutation({
    mutationFn: (user: UserDto) => sendPasswordReset(organizationId, user.id),
    onSuccess: (_result, user) => setDone(t('people.resetLink.done', { name: user.displayName, email: user.email })),
  });

  // Never one's own account (the server refuses it too), never one the rules keep from this user.
  const canChange = (user: UserDto) => user.id !== me && ability.can('update', subject('User', { organizationId, platformAdmin: user.platformAdmin }));

  const open = (user: UserDto) => {
    setDisabled.reset();
    setDone('');
    setConfirming(user);
  };
  const confirm = (user: UserDto) =>
    setDisabled.mutate(
      { id: user.id, disabled: !user.disabled },
      {
        onSuccess: (updated) => {
          setConfirming(undefined);
          setDone(t(updated.disabled ? 'people.disable.done' : 'people.enable.done', { name: updated.displayName }));
        },
      },
    );

  let body;
  if (users.isPending) body = <PageStatus message={t('app.loading')} />;
  else if (users.isError) body = <ErrorAlert error={users.error} />;
  else {
    const items = users.data.pages.flatMap((page) => page.items);
    body = (
      <>
        {sendReset.isError && <ErrorAlert error={sendReset.error} />}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('people.email')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.status')}</th>
              <th scope="col">{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.displayName} {user.id === me && <span className="muted">{t('people.you')}</span>}
                  {user.platformAdmin && <span className="badge badge-inline">{t('roles.platformAdmin')}</span>}
                </td>
                <td>{user.email}</td>
                <td>{t(user.orgRole === 'org_admin' ? 'roles.orgAdmin' : 'roles.member')}</td>
                <td>
                  <span className={user.disabled ? 'badge badge-disabled' : 'badge'}>{t(user.disabled ? 'people.disabled' : 'people.active')}</span>
                </td>
                <td>
                  {canChange(user) && (
                    <button
                      type="button"
                      className="button button-outline button-small"
                      aria-label={t(user.disabled ? 'people.enable.named' : 'people.disable.named', { name: user.displayName })}
                      onClick={() => open(user)}
                    >
                      {t(user.disabled ? 'people.enable.action' : 'people.disable.action')}
                    </button>
                  )}{' '}
                  {canChange(user) && !user.disabled && (
                    <button
                      type="button"
                      className="button button-outline button-small"
                      aria-label={t('people.resetLink.named', { name: user.displayName })}
                      onClick={() => {
                        setDone('');
                        sendReset.mutate(user);
                      }}
                      disabled={sendReset.isPending}
                    >
                      {t('people.resetLink.action')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {users.hasNextPage && (
          <button type="button" className="button button-outline" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
            {t('people.loadMore')}
          </button>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{organizationName ? t('people.listHeading', { organization: organizationName }) : t('people.listHeadingUnnamed')}</h2>
      <p role="status" className={done ? 'alert alert-info' : 'visually-hidden'}>
        {done}
      </p>
      {body}
      <AccountStatusDialog
        user={confirming}
        pending={setDisabled.isPending}
        error={setDisabled.error}
        onConfirm={confirm}
        onClose={() => setConfirming(undefined)}
      />
    </section>
  );
}
