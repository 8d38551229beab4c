import { subject } from '@casl/ability';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACE_ROLES, type WorkspaceDto, type WorkspaceRole } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { PageStatus } from '../../../ui/page-status';
import { useMembers, useRemoveMember, useUpdateMember } from '../hooks/use-members';
import { useUserId } from '../../auth/hooks/use-user-id';
import { PersonOrganization } from '../../organizations/components/person-organization';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';

export function MembersPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  const me = useUserId();
  const ability = useWorkspaceAbility(workspace);
  const members = useMembers(workspace.id);
  const update = useUpdateMember(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const canManage = ability.can('update', subject('Membership', { workspaceId: workspace.id }));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('workspaces.members.heading')}</h2>
      {update.isError && <ErrorAlert error={update.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {members.isPending ? (
        <PageStatus message={t('app.loading')} />
      ) : members.isError ? (
        <ErrorAlert error={members.error} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('workspaces.members.name')}</th>
              <th scope="col">{t('workspaces.members.email')}</th>
              <th scope="col">{t('workspaces.members.organization')}</th>
              <th scope="col">{t('workspaces.members.role')}</th>
              {canManage && <th scope="col">{t('workspaces.members.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((member) => (
              <tr key={member.userId}>
                <td>
                  {member.displayName} {member.userId === me && <span className="muted">{t('workspaces.members.you')}</span>}
                </td>
                <td>{member.email}</td>
                <td>
                  <PersonOrganization name={member.organizationName} unconfirmed={member.unconfirmedOrganization} />
                </td>
                <td>
                  {canManage ? (
                    <select
                      aria-label={t('workspaces.members.roleFor', { name: member.displayName })}
                      value={member.role}
                      disabled={update.isPending}
                      onChange={(event) => update.mutate({ memberId: member.userId, input: { role: event.target.value as WorkspaceRole } })}
                    >
                      {WORKSPACE_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`workspaces.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`workspaces.roles.${member.role}`)
                  )}
                </td>
                {canManage && (
                  <td>
                    <button
                      type="button"
                      className="button button-outline button-small"
                      aria-label={t('workspaces.members.removeNamed', { name: member.displayName })}
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(t('workspaces.members.confirmRemove', { name: member.displayName }))) remove.mutate(member.userId);
                      }}
                    >
                      {t('workspaces.members.remove')}
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
