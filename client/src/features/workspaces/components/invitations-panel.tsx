import { subject } from '@casl/ability';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { useInvitations, useRevokeInvitation } from '../hooks/use-members';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';
import { InviteButton } from './invite-dialog';

export function InvitationsPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t, i18n } = useTranslation();
  const ability = useWorkspaceAbility(workspace);
  const canRead = ability.can('read', subject('Invitation', { workspaceId: workspace.id }));
  const canRevoke = ability.can('delete', subject('Invitation', { workspaceId: workspace.id }));
  const invitations = useInvitations(workspace.id, canRead);
  const revoke = useRevokeInvitation(workspace.id);
  if (!canRead) return null;
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Panel title={t('workspaces.invitations.heading')} actions={<InviteButton workspace={workspace} />}>
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <QueryState
        query={invitations}
        isEmpty={(data) => data.items.every((item) => item.status !== 'pending')}
        empty={t('workspaces.invitations.empty')}
      >
        {(data) => (
          <DataTable
            rows={data.items.filter((item) => item.status === 'pending')}
            rowKey={(invitation) => invitation.id}
            columns={[
              { header: t('workspaces.invitations.email'), cell: (invitation) => <span className="break-anywhere">{invitation.email}</span> },
              { header: t('workspaces.invitations.role'), cell: (invitation) => t(`workspaces.roles.${invitation.role}`) },
              { header: t('workspaces.invitations.expires'), cell: (invitation) => dateFormat.format(new Date(invitation.expiresAt)) },
              ...(canRevoke
                ? [
                    {
                      header: t('workspaces.members.actions'),
                      actions: true,
                      cell: (invitation: (typeof data.items)[number]) => (
                        <Button
                          variant="default"
                          size="xs"
                          aria-label={t('workspaces.invitations.revokeFor', { email: invitation.email })}
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(invitation.id)}
                        >
                          {t('workspaces.invitations.revoke')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </Panel>
  );
}
