import { useQueryClient } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { useWorkspaceEvents } from '../../realtime/workspace-realtime';
import { workspaceKeys } from '../api/workspaces-api';

/** The workspace's own record, its members and its pending invitations, read again when their events arrive. */
export function useWorkspaceRealtime(): void {
  const queryClient = useQueryClient();
  const userId = useUserId();
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  const people = ({ workspaceId }: { workspaceId: string }) => {
    invalidate(workspaceKeys.members(userId, workspaceId));
    invalidate(workspaceKeys.invitations(userId, workspaceId));
  };
  const workspace = ({ workspaceId }: { workspaceId: string }) => invalidate(workspaceKeys.detail(userId, workspaceId));
  useWorkspaceEvents({
    'workspace.updated': workspace,
    'workspace.archived': workspace,
    'workspace.restored': workspace,
    'member.added': people,
    'member.updated': people,
    'member.removed': people,
    'invitation.created': people,
    'invitation.revoked': people,
    'invitation.accepted': people,
    'invitation.declined': people,
    'invitation.resent': people,
  });
}
