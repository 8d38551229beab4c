import { Alert, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { InvitationPreviewDto, MeDto } from '@enlace/shared';
import { startSession } from '../../../api/session';
import { CardPage } from '../../../ui/card-page';
import { ErrorAlert } from '../../../ui/error-alert';
import { LoadingStatus } from '../../../ui/query-state';
import { useSession } from '../../auth/hooks/use-session';
import { OrganizationChoiceForm } from '../../organizations/components/organization-choice';
import { OrganizationStep } from '../../organizations/components/organization-step';
import { useOrganizationQuestion } from '../../organizations/hooks/use-organization-question';
import {
  acceptInvitation,
  acceptWithNewAccount,
  declineInvitation,
  fetchInvitationPreview,
  fetchMeWithToken,
  invitationKey,
} from '../api/invitations-api';

const MIN_PASSWORD = 12;

export function AcceptInvitation({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useQuery({ queryKey: invitationKey(token), queryFn: ({ signal }) => fetchInvitationPreview(token, signal), staleTime: 0 });
  const signedIn = session.status === 'signed-in';
  const askOrganization = useOrganizationQuestion();
  const [choosingOrganization, setChoosingOrganization] = useState(false);
  /** Set once a new account without an organisation has accepted: the workspace to go to after naming it. */
  const [joinedWithoutOrganization, setJoinedWithoutOrganization] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: (organizationId?: string) => acceptInvitation(token, organizationId),
    onSuccess: ({ workspaceId }) => {
      void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void navigate(`/workspaces/${workspaceId}`);
    },
  });
  const decline = useMutation({ mutationFn: () => declineInvitation(token, signedIn) });

  if (joinedWithoutOrganization) {
    return (
      <CardPage title={t('affiliation.chooseHeading')}>
        <OrganizationStep onDone={() => void navigate(`/workspaces/${joinedWithoutOrganization}`)} suggested={preview.data?.suggestedOrganization} />
      </CardPage>
    );
  }
  if (session.status === 'restoring' || preview.isPending) return <LoadingStatus />;
  if (preview.isError) return <ErrorAlert error={preview.error} />;

  const invitation = preview.data;
  const expires = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(invitation.expiresAt));

  return (
    <CardPage title={t('invitation.heading', { title: invitation.workspaceTitle })}>
      <List size="sm" mb="md" listStyleType="none" spacing={4}>
        {invitation.invitingOrganization && <List.Item>{t('invitation.from', { organization: invitation.invitingOrganization })}</List.Item>}
        <List.Item>{t('invitation.role', { role: t(`workspaces.roles.${invitation.role}`) })}</List.Item>
        <List.Item>{t('invitation.expires', { date: expires })}</List.Item>
      </List>
      {decline.isSuccess ? (
        <Alert role="status" variant="light">
          {t('invitation.declined')}
        </Alert>
      ) : (
        <Stack gap="md">
          {accept.isError && <ErrorAlert error={accept.error} />}
          {decline.isError && <ErrorAlert error={decline.error} />}
          {signedIn && choosingOrganization ? (
            <OrganizationChoiceForm
              submitLabel={t('affiliation.acceptAndAsk')}
              pending={accept.isPending}
              suggested={invitation.suggestedOrganization}
              onSubmit={(organizationId) => accept.mutate(organizationId)}
              secondary={<DeclineButton disabled={accept.isPending || decline.isPending} onDecline={() => decline.mutate()} />}
            />
          ) : signedIn ? (
            <Group gap="sm">
              <Button
                disabled={accept.isPending || decline.isPending || askOrganization === undefined}
                onClick={() => (askOrganization ? setChoosingOrganization(true) : accept.mutate(undefined))}
              >
                {accept.isPending ? t('invitation.working') : t('invitation.accept')}
              </Button>
              <DeclineButton disabled={accept.isPending || decline.isPending} onDecline={() => decline.mutate()} />
            </Group>
          ) : invitation.accountExists ? (
            <SignInToAccept onDecline={() => decline.mutate()} declining={decline.isPending} />
          ) : (
            <NewAccountForm
              token={token}
              invitation={invitation}
              onDecline={() => decline.mutate()}
              declining={decline.isPending}
              onWithoutOrganization={setJoinedWithoutOrganization}
            />
          )}
        </Stack>
      )}
    </CardPage>
  );
}

function DeclineButton({ disabled, onDecline }: { disabled: boolean; onDecline: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" disabled={disabled} onClick={onDecline}>
      {t('invitation.decline')}
    </Button>
  );
}

function SignInToAccept({ onDecline, declining }: { onDecline: () => void; declining: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <>
      <Text size="sm">{t('invitation.accountExistsHint')}</Text>
      <Group gap="sm">
        <Button component={Link} to="/login" state={{ from: location }}>
          {t('invitation.signInToAccept')}
        </Button>
        <DeclineButton disabled={declining} onDecline={onDecline} />
      </Group>
    </>
  );
}

interface NewAccountFormProps {
  token: string;
  invitation: InvitationPreviewDto;
  onDecline: () => void;
  declining: boolean;
  /** The new account has no organisation (its e-mail domain is no organisation's): ask which is theirs before going on. */
  onWithoutOrganization: (workspaceId: string) => void;
}

function NewAccountForm({ token, onDecline, declining, onWithoutOrganization }: NewAccountFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<'name' | 'password' | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: async () => {
      const accepted = await acceptWithNewAccount(token, { displayName: displayName.trim(), password });
      let me: MeDto | undefined;
      if (accepted.accessToken) {
        me = await fetchMeWithToken(accepted.accessToken);
        startSession({ accessToken: accepted.accessToken, user: me.user, mustEnrolTwoFactor: me.mustEnrolTwoFactor });
      }
      return { ...accepted, me };
    },
    onSuccess: ({ workspaceId, me }) => {
      if (me && me.organization === null && me.unconfirmedOrganization === null) onWithoutOrganization(workspaceId);
      else void navigate(me ? `/workspaces/${workspaceId}` : '/login');
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = !displayName.trim() ? 'name' : password.length < MIN_PASSWORD ? 'password' : null;
    setProblem(next);
    if (next) {
      (next === 'name' ? nameRef : passwordRef).current?.focus();
      return;
    }
    create.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('invitation.createAccountHeading')}
        </Title>
        {create.isError && <ErrorAlert error={create.error} />}
        <TextInput
          ref={nameRef}
          label={t('invitation.displayName')}
          autoComplete="name"
          value={displayName}
          maxLength={120}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={problem === 'name' && t('invitation.nameRequired')}
        />
        <TextInput
          ref={passwordRef}
          label={t('invitation.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={problem === 'password' && t('invitation.passwordTooShort')}
        />
        <Group gap="sm">
          <Button type="submit" disabled={create.isPending || declining}>
            {create.isPending ? t('invitation.working') : t('invitation.createAndAccept')}
          </Button>
          <DeclineButton disabled={create.isPending || declining} onDecline={onDecline} />
        </Group>
      </Stack>
    </form>
  );
}
