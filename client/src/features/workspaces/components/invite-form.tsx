import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type CreatedInvitationDto, type ExistingInvitationDetails, type Locale, type PartyDto, type WorkspaceRole } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { LANGUAGE_NAMES } from '../../../i18n/languages';
import { ErrorAlert } from '../../../ui/error-alert';
import { StatusMessage } from '../../../ui/status-message';
import { formatMoment } from '../../../i18n/format';
import { useCreateInvitation, useResendInvitation } from '../hooks/use-members';

type Outcome = { kind: 'created' | 'resent'; invitation: CreatedInvitationDto };

interface InviteFormProps {
  workspaceId: string;
  roles: WorkspaceRole[];
  /** An agreement's parties, one of which the person may be invited on behalf of (a suggestion to them only). */
  parties: PartyDto[];
  onClose: () => void;
}

/**
 * Invites a person by e-mail, with a role, an optional message and the e-mail's language; in an agreement,
 * on behalf of one of its parties, which is then suggested to them as their organisation. A person who
 * already has a pending invitation to the workspace gets no second one: the form says so and offers to
 * resend the first with a new link. Either way it ends saying which happened, with the link to copy.
 */
export function InviteForm({ workspaceId, roles, parties, onClose }: InviteFormProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateInvitation(workspaceId);
  const resend = useResendInvitation(workspaceId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>(roles.includes('contributor') ? 'contributor' : roles[0]);
  const [message, setMessage] = useState('');
  const [locale, setLocale] = useState<Locale | ''>('');
  const [partyOrganizationId, setPartyOrganizationId] = useState('');
  const [missing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const existing = existingInvitation(create.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      emailRef.current?.focus();
      return;
    }
    setMissing(false);
    resend.reset();
    create.mutate(
      { email: email.trim(), role, ...(message.trim() && { message: message.trim() }), ...(locale && { locale }), ...(partyOrganizationId && { partyOrganizationId }) },
      { onSuccess: (invitation) => setOutcome({ kind: 'created', invitation }) },
    );
  };
  const resendExisting = (invitationId: string) =>
    resend.mutate({ invitationId, input: locale ? { locale } : {} }, { onSuccess: (invitation) => setOutcome({ kind: 'resent', invitation }) });

  if (outcome) return <CreatedLink outcome={outcome} onClose={onClose} />;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {existing ? (
          <Alert color="yellow" role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {t('invite.exists', { email: email.trim(), sent: formatMoment(existing.createdAt, language), expires: formatMoment(existing.expiresAt, language) })}
              </Text>
              <Text size="sm">{t('invite.resendOffer')}</Text>
              {resend.isError && <ErrorAlert error={resend.error} />}
              <Group>
                <Button size="xs" onClick={() => resendExisting(existing.invitationId)} loading={resend.isPending}>
                  {t('invite.resend')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          create.isError && <ErrorAlert error={create.error} />
        )}
        <TextInput
          ref={emailRef}
          label={t('workspaces.invitations.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            if (existing) create.reset();
          }}
          error={missing ? t('workspaces.invitations.emailRequired') : undefined}
          required
        />
        <NativeSelect
          label={t('workspaces.invitations.role')}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as WorkspaceRole)}
          data={roles.map((value) => ({ value, label: t(`workspaces.roles.${value}`) }))}
        />
        {parties.length > 0 && (
          <NativeSelect
            label={t('agreementEditing.inviteParty')}
            description={t('agreementEditing.invitePartyHint')}
            value={partyOrganizationId}
            onChange={(event) => setPartyOrganizationId(event.currentTarget.value)}
            data={[{ value: '', label: t('agreementEditing.inviteNoParty') }, ...parties.map((party) => ({ value: party.organizationId, label: party.organizationName }))]}
          />
        )}
        <Textarea label={t('workspaces.invitations.message')} rows={3} value={message} onChange={(event) => setMessage(event.currentTarget.value)} />
        <NativeSelect
          label={t('invite.language')}
          value={locale}
          onChange={(event) => setLocale(event.currentTarget.value as Locale | '')}
          data={[{ value: '', label: t('invite.languageAuto') }, ...LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))]}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('workspaces.invitations.close')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('workspaces.invitations.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function existingInvitation(error: unknown): ExistingInvitationDetails | undefined {
  return error instanceof ApiRequestError && error.code === 'INVITATION_EXISTS' ? (error.details as ExistingInvitationDetails) : undefined;
}

function CreatedLink({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { url } = outcome.invitation;

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
    <Stack gap="sm">
      <Alert role="status" color="blue">
        {outcome.kind === 'resent' ? t('invite.resent') : t('invite.created')}
      </Alert>
      <TextInput ref={inputRef} label={t('workspaces.invitations.link')} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('workspaces.invitations.close')}
        </Button>
        <Button onClick={() => void copy()}>{t('workspaces.invitations.copy')}</Button>
      </Group>
      <StatusMessage>
        {copyState === 'copied' ? t('workspaces.invitations.copied') : copyState === 'failed' ? t('workspaces.invitations.copyFailed') : ''}
      </StatusMessage>
    </Stack>
  );
}
