import { subject } from '@casl/ability';
import { InvitationsPanel } from './components/invitations-panel';
import { MembersPanel } from './components/members-panel';
import { WorkspaceSettings } from './components/workspace-settings';
import { useWorkspaceRealtime } from './hooks/use-workspace-realtime';
import { registerWorkspaceTab } from './workspace-tabs';

function WorkspaceLive() {
  useWorkspaceRealtime();
  return null;
}

registerWorkspaceTab({ id: 'members', kinds: 'all', Panel: MembersPanel, Live: WorkspaceLive });
// Pending invitations carry e-mail addresses: only those who may invite see them.
registerWorkspaceTab({
  id: 'invitations',
  kinds: 'all',
  Panel: InvitationsPanel,
  visible: (ability, workspace) => ability.can('read', subject('Invitation', { workspaceId: workspace.id })),
});
// Renaming and describing (owners, coordinators), archiving and restoring (owners).
registerWorkspaceTab({
  id: 'settings',
  kinds: 'all',
  Panel: WorkspaceSettings,
  visible: (ability, workspace) =>
    ability.can('update', subject('Workspace', { workspaceId: workspace.id })) || ability.can('archive', subject('Workspace', { workspaceId: workspace.id })),
});
