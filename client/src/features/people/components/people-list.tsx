import { subject } from '@casl/ability';
import { Badge, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { StatusMessage } from '../../../ui/status-message';
import { useHubAbility } from '../../auth/hooks/use-hub-ability';
import { useUserId } from '../../auth/hooks/use-user-id';
import { sendPasswordReset } from '../api/people-api';
import { useOrganizationUsers, useSetUserDisabled } from '../hooks/use-organization-users';
import { AccountStatusDialog } from './account-status-dialog';

/** An organisation's accounts, disabled ones included, with disable and enable for those the rules allow. */
export function PeopleList({ organizationId, organizationName }: { organizationId: string; organizationName: string | undefined }) {
  const { t } = useTranslation();
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

  return (
    <Panel title={organizationName ? t('people.listHeading', { organization: organizationName }) : t('people.listHeadingUnnamed')}>
      <StatusMessage>{done}</StatusMessage>
      {sendReset.isError && <ErrorAlert error={sendReset.error} />}
      <QueryState query={users}>
        {(data) => (
          <>
            <DataTable
              rows={data.pages.flatMap((page) => page.items)}
              rowKey={(user) => user.id}
              columns={[
                {
                  header: t('people.name'),
                  cell: (user) => (
                    <>
                      {user.displayName}{' '}
                      {user.id === me && (
                        <Text span c="dimmed" size="sm">
                          {t('people.you')}
                        </Text>
                      )}
                      {user.platformAdmin && (
                        <Badge variant="light" ml="xs">
                          {t('roles.platformAdmin')}
                        </Badge>
                      )}
                    </>
                  ),
                },
                { header: t('people.email'), cell: (user) => <span className="break-anywhere">{user.email}</span> },
                { header: t('people.role'), cell: (user) => t(user.orgRole === 'org_admin' ? 'roles.orgAdmin' : 'roles.member') },
                {
                  header: t('people.status'),
                  // A disabled account stands out by its word and its colour, never by colour alone.
                  cell: (user) => (
                    <Badge variant={user.disabled ? 'filled' : 'default'} color={user.disabled ? 'red.9' : undefined}>
                      {t(user.disabled ? 'people.disabled' : 'people.active')}
                    </Badge>
                  ),
                },
                {
                  header: t('people.actions'),
                  actions: true,
                  cell: (user) =>
                    canChange(user) && (
                      <Group gap="xs" wrap="wrap">
                        <Button
                          variant="default"
                          size="xs"
                          aria-label={t(user.disabled ? 'people.enable.named' : 'people.disable.named', { name: user.displayName })}
                          onClick={() => open(user)}
                        >
                          {t(user.disabled ? 'people.enable.action' : 'people.disable.action')}
                        </Button>
                        {!user.disabled && (
                          <Button
                            variant="default"
                            size="xs"
                            aria-label={t('people.resetLink.named', { name: user.displayName })}
                            onClick={() => {
                              setDone('');
                              sendReset.mutate(user);
                            }}
                            disabled={sendReset.isPending}
                          >
                            {t('people.resetLink.action')}
                          </Button>
                        )}
                      </Group>
                    ),
                },
              ]}
            />
            {users.hasNextPage && (
              <Button variant="default" mt="sm" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
                {t('people.loadMore')}
              </Button>
            )}
          </>
        )}
      </QueryState>
      <AccountStatusDialog user={confirming} pending={setDisabled.isPending} error={setDisabled.error} onConfirm={confirm} onClose={() => setConfirming(undefined)} />
    </Panel>
  );
}
