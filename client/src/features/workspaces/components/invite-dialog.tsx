import { subject } from '@casl/ability';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACE_ROLES, type WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { useParties } from '../../agreements/hooks/use-agreement';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';
import { InviteForm } from './invite-form';

/** The "Invite someone" button and its dialog; renders nothing for users who may not invite. */
export function InviteButton({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const ability = useWorkspaceAbility(workspace);
  const [open, setOpen] = useState(false);
  const parties = useParties(workspace);
  const roles = WORKSPACE_ROLES.filter((role) => ability.can('create', subject('Invitation', { workspaceId: workspace.id, role })));
  if (roles.length === 0) return null;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {t('workspaces.invitations.invite')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('workspaces.invitations.dialogTitle')} size="md">
        {/* Mounted only while open, so each invitation starts from an empty form. */}
        {open && <InviteForm workspaceId={workspace.id} roles={roles} parties={parties} onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}
