import { subject } from '@casl/ability';
import { Button, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACE_ROLES, type MemberDto, type WorkspaceDto, type WorkspaceRole } from '@enlace/shared';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { DataTable } from '../../../ui/data-table';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { useUserId } from '../../auth/hooks/use-user-id';
import { PersonOrganization } from '../../organizations/components/person-organization';
import { useMembers, useRemoveMember, useUpdateMember } from '../hooks/use-members';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';

export function MembersPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const me = useUserId();
  const ability = useWorkspaceAbility(workspace);
  const members = useMembers(workspace.id);
  const update = useUpdateMember(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const [removing, setRemoving] = useState<MemberDto>();
  const canManage = ability.can('update', subject('Membership', { workspaceId: workspace.id }));

  return (
    <Panel title={t('workspaces.members.heading')}>
      {update.isError && <ErrorAlert error={update.error} />}
      <QueryState query={members}>
        {(data) => (
          <DataTable
            rows={data.items}
            rowKey={(member) => member.userId}
            columns={[
              {
                header: t('workspaces.members.name'),
                cell: (member) => (
                  <>
                    {member.displayName}{' '}
                    {member.userId === me && (
                      <Text span c="dimmed" size="sm">
                        {t('workspaces.members.you')}
                      </Text>
                    )}
                  </>
                ),
              },
              { header: t('workspaces.members.email'), cell: (member) => <span className="break-anywhere">{member.email}</span> },
              {
                header: t('workspaces.members.organization'),
                cell: (member) => <PersonOrganization name={member.organizationName} unconfirmed={member.unconfirmedOrganization} />,
              },
              {
                header: t('workspaces.members.role'),
                cell: (member) =>
                  canManage ? (
                    <NativeSelect
                      aria-label={t('workspaces.members.roleFor', { name: member.displayName })}
                      size="xs"
                      value={member.role}
                      disabled={update.isPending}
                      onChange={(event) => update.mutate({ memberId: member.userId, input: { role: event.currentTarget.value as WorkspaceRole } })}
                      data={WORKSPACE_ROLES.map((role) => ({ value: role, label: t(`workspaces.roles.${role}`) }))}
                    />
                  ) : (
                    t(`workspaces.roles.${member.role}`)
                  ),
              },
              ...(canManage
                ? [
                    {
                      header: t('workspaces.members.actions'),
                      actions: true,
                      cell: (member: MemberDto) => (
                        <Button
                          variant="default"
                          size="xs"
                          aria-label={t('workspaces.members.removeNamed', { name: member.displayName })}
                          onClick={() => {
                            remove.reset();
                            setRemoving(member);
                          }}
                        >
                          {t('workspaces.members.remove')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={removing !== undefined}
        title={t('workspaces.members.confirmRemove', { name: removing?.displayName ?? '' })}
        confirmLabel={t('workspaces.members.remove')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(undefined) })}
        onClose={() => setRemoving(undefined)}
      >
        {t('shell.removeMemberExplanation', { name: removing?.displayName ?? '' })}
      </ConfirmDialog>
    </Panel>
  );
}
