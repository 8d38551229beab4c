import { useMemo } from 'react';
import { defineAbilityFor, type AppAbility, type WorkspaceDto } from '@enlace/shared';
import { useSession } from '../../auth/hooks/use-session';

/** What the current user may do in this workspace, from the shared permission matrix. */
export function useWorkspaceAbility(workspace: WorkspaceDto | undefined): AppAbility {
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  return useMemo(
    () =>
      defineAbilityFor(
        user ?? { id: '', organizationId: null, orgRole: 'member', platformAdmin: false },
        user && workspace
          ? [
              {
                workspaceId: workspace.id,
                role: workspace.myRole,
                sensitiveAccess: workspace.mySensitiveAccess,
                assistanceAccess: workspace.myAssistanceAccess,
                lawEnforcement: workspace.myLawEnforcement,
                workspaceArchived: workspace.status === 'archived',
              },
            ]
          : [],
      ),
    [user, workspace],
  );
}
