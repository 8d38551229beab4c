import { subject } from '@casl/ability';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACE_ROLES, type CreatedInvitationDto, type WorkspaceDto, type WorkspaceRole } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Modal } from '../../../ui/modal';
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
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        {t('workspaces.invitations.invite')}
      </button>
      <InviteDialog open={open} onClose={() => setOpen(false)} workspaceId={workspace.id} roles={roles} />
    </>
  );
}

function InviteDialog({ open, onClose, workspaceId, roles }: { open: boolean; onClose: () => void; workspaceId: string; roles: WorkspaceRole[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId}>
      <h2 id={titleId}>{t('workspaces.invitations.dialogTitle')}</h2>
      <InviteForm workspaceId={workspaceId} roles={roles} onClose={onClose} />
    </Modal>
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
  const ids = { email: useId(), role: useId(), message: useId(), error: useId() };

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
    <form className="form" onSubmit={onSubmit} noValidate>
      {missing && (
        <p id={ids.error} role="alert" className="form-error">
          {t('workspaces.invitations.emailRequired')}
        </p>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="field">
        <label htmlFor={ids.email}>{t('workspaces.invitations.email')}</label>
        <input
          ref={emailRef}
          id={ids.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? ids.error : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.role}>{t('workspaces.invitations.role')}</label>
        <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value as WorkspaceRole)}>
          {roles.map((value) => (
            <option key={value} value={value}>
              {t(`workspaces.roles.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.message}>{t('workspaces.invitations.message')}</label>
        <textarea id={ids.message} rows={3} value={message} onChange={(event) => setMessage(event.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('workspaces.invitations.sending') : t('workspaces.invitations.send')}
        </button>
        <button type="button" className="button button-outline" onClick={onClose}>
          {t('workspaces.invitations.close')}
        </button>
      </div>
    </form>
  );
}

function CreatedLink({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation();
  const linkId = useId();
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
    <div className="form">
      <p role="status" className="alert alert-info">
        {t('workspaces.invitations.created')}
      </p>
      <div className="field">
        <label htmlFor={linkId}>{t('workspaces.invitations.link')}</label>
        <input ref={inputRef} id={linkId} readOnly value={url} onFocus={(event) => event.target.select()} />
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t('workspaces.invitations.copy')}
        </button>
        <button type="button" className="button button-outline" onClick={onClose}>
          {t('workspaces.invitations.close')}
        </button>
      </div>
      <p role="status" className="small">
        {copyState === 'copied' ? t('workspaces.invitations.copied') : copyState === 'failed' ? t('workspaces.invitations.copyFailed') : ''}
      </p>
    </div>
  );
}
