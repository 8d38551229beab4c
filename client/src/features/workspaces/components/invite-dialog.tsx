import { subject } from '@casl/ability';
import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACE_ROLES, type CreatedInvitationDto, type WorkspaceDto, type WorkspaceRole } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { ErrorAlert } from '../../../ui/error-alert';
import { StatusMessage } from '../../../ui/status-message';
import { useCreateInvitation } from '../hooks/use-members';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';

/** The "Invite someone" button and its dialog; renders nothing for users who may not invite. */
export function InviteButton({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const ability = useWorkspaceAbility(workspace);
  const [open, setOpen] = useState(false);
  const roles = WORKSPACE_ROLES.filter((role) => ability.can('create', subject('Invitation', { workspaceId: workspace.id, role })));
  if (roles.length === 0) return null;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {t('workspaces.invitations.invite')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('workspaces.invitations.dialogTitle')}>
        <InviteForm workspaceId={workspace.id} roles={roles} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function InviteForm({ workspaceId, roles, onClose }: { workspaceId: string; roles: WorkspaceRole[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation(workspaceId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>(roles.includes('contributor') ? 'contributor' : roles[0]);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const [created, setCreated] = useState<CreatedInvitationDto | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      emailRef.current?.focus();
      return;
    }
    setMissing(false);
    create.mutate({ email: email.trim(), role, ...(message.trim() ? { message: message.trim() } : {}) }, { onSuccess: setCreated });
  };

  if (created) return <CreatedLink url={created.url} onClose={onClose} />;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {create.isError && <ErrorAlert error={create.error} />}
        <TextInput
          ref={emailRef}
          label={t('workspaces.invitations.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={missing && t('workspaces.invitations.emailRequired')}
        />
        <NativeSelect
          label={t('workspaces.invitations.role')}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as WorkspaceRole)}
          data={roles.map((value) => ({ value, label: t(`workspaces.roles.${value}`) }))}
        />
        <Textarea label={t('workspaces.invitations.message')} rows={3} value={message} onChange={(event) => setMessage(event.currentTarget.value)} />
        <DialogActions onClose={onClose}>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t('workspaces.invitations.sending') : t('workspaces.invitations.send')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}

function CreatedLink({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      inputRef.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <Stack gap="md">
      <Alert role="status" variant="light">
        {t('workspaces.invitations.created')}
      </Alert>
      <TextInput ref={inputRef} label={t('workspaces.invitations.link')} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      <DialogActions onClose={onClose}>
        <Button onClick={() => void copy()}>{t('workspaces.invitations.copy')}</Button>
      </DialogActions>
      <StatusMessage>
        {copyState === 'copied' ? t('workspaces.invitations.copied') : copyState === 'failed' ? t('workspaces.invitations.copyFailed') : ''}
      </StatusMessage>
    </Stack>
  );
}

/** The dialog's footer inside its form: Close, then the main action last. */
function DialogActions({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onClose}>
        {t('workspaces.invitations.close')}
      </Button>
      {children}
    </Group>
  );
}
