import { subject } from '@casl/ability';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { PageStatus } from '../../../ui/page-status';
import { useInvitations, useRevokeInvitation } from '../hooks/use-members';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';
import { InviteButton } from './invite-dialog';

export function InvitationsPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const ability = useWorkspaceAbility(workspace);
  const canRead = ability.can('read', subject('Invitation', { workspaceId: workspace.id }));
  const canRevoke = ability.can('delete', subject('Invitation', { workspaceId: workspace.id }));
  const invitations = useInvitations(workspace.id, canRead);
  const revoke = useRevokeInvitation(workspace.id);
  if (!canRead) return null;
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{t('workspaces.invitations.heading')}</h2>
        <InviteButton workspace={workspace} />
      </div>
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      {invitations.isPending ? (
        <PageStatus message={t('app.loading')} />
      ) : invitations.isError ? (
        <ErrorAlert error={invitations.error} />
      ) : invitations.data.items.filter((item) => item.status === 'pending').length === 0 ? (
        <p>{t('workspaces.invitations.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('workspaces.invitations.email')}</th>
              <th scope="col">{t('workspaces.invitations.role')}</th>
              <th scope="col">{t('workspaces.invitations.expires')}</th>
              {canRevoke && <th scope="col">{t('workspaces.members.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {invitations.data.items
              .filter((item) => item.status === 'pending')
              .map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{t(`workspaces.roles.${invitation.role}`)}</td>
                  <td>{dateFormat.format(new Date(invitation.expiresAt))}</td>
                  {canRevoke && (
                    <td>
                      <button
                        type="button"
                        className="button button-outline button-small"
                        aria-label={t('workspaces.invitations.revokeFor', { email: invitation.email })}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(invitation.id)}
                      >
                        {t('workspaces.invitations.revoke')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
