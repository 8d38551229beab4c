import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { InvitationPreviewDto, MeDto } from '@enlace/shared';
import { startSession } from '../../../api/session';
import { ErrorAlert } from '../../../ui/error-alert';
import { PageStatus } from '../../../ui/page-status';
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
  const headingId = useId();
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
      <section className="auth-card panel">
        <OrganizationStep onDone={() => void navigate(`/workspaces/${joinedWithoutOrganization}`)} />
      </section>
    );
  }
  if (session.status === 'restoring' || preview.isPending) return <PageStatus message={t('app.loading')} />;
  if (preview.isError) return <ErrorAlert error={preview.error} />;

  const invitation = preview.data;
  const expires = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(invitation.expiresAt));

  return (
    <section className="auth-card panel" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('invitation.heading', { title: invitation.workspaceTitle })}</h1>
      <ul className="plain-list">
        {invitation.invitingOrganization && <li>{t('invitation.from', { organization: invitation.invitingOrganization })}</li>}
        <li>{t('invitation.role', { role: t(`workspaces.roles.${invitation.role}`) })}</li>
        <li>{t('invitation.expires', { date: expires })}</li>
      </ul>
      {decline.isSuccess ? (
        <p role="status" className="alert alert-info">
          {t('invitation.declined')}
        </p>
      ) : (
        <>
          {accept.isError && <ErrorAlert error={accept.error} />}
          {decline.isError && <ErrorAlert error={decline.error} />}
          {signedIn && choosingOrganization ? (
            <OrganizationChoiceForm
              submitLabel={t('affiliation.acceptAndAsk')}
              pending={accept.isPending}
              onSubmit={(organizationId) => accept.mutate(organizationId)}
              secondary={<DeclineButton disabled={accept.isPending || decline.isPending} onDecline={() => decline.mutate()} />}
            />
          ) : signedIn ? (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                disabled={accept.isPending || decline.isPending || askOrganization === undefined}
                onClick={() => (askOrganization ? setChoosingOrganization(true) : accept.mutate(undefined))}
              >
                {accept.isPending ? t('invitation.working') : t('invitation.accept')}
              </button>
              <DeclineButton disabled={accept.isPending || decline.isPending} onDecline={() => decline.mutate()} />
            </div>
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
        </>
      )}
    </section>
  );
}

function DeclineButton({ disabled, onDecline }: { disabled: boolean; onDecline: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button-outline" disabled={disabled} onClick={onDecline}>
      {t('invitation.decline')}
    </button>
  );
}

function SignInToAccept({ onDecline, declining }: { onDecline: () => void; declining: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <>
      <p>{t('invitation.accountExistsHint')}</p>
      <div className="button-row">
        <Link to="/login" state={{ from: location }} className="button button-primary">
          {t('invitation.signInToAccept')}
        </Link>
        <DeclineButton disabled={declining} onDecline={onDecline} />
      </div>
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
  const ids = { heading: useId(), name: useId(), password: useId(), error: useId() };
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
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('invitation.createAccountHeading')}</h2>
      {problem && (
        <p id={ids.error} role="alert" className="form-error">
          {t(problem === 'name' ? 'invitation.nameRequired' : 'invitation.passwordTooShort')}
        </p>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="field">
        <label htmlFor={ids.name}>{t('invitation.displayName')}</label>
        <input
          ref={nameRef}
          id={ids.name}
          autoComplete="name"
          value={displayName}
          maxLength={120}
          onChange={(event) => setDisplayName(event.target.value)}
          aria-invalid={problem === 'name' || undefined}
          aria-describedby={problem === 'name' ? ids.error : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('invitation.password')}</label>
        <input
          ref={passwordRef}
          id={ids.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={problem === 'password' || undefined}
          aria-describedby={problem === 'password' ? ids.error : undefined}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending || declining}>
          {create.isPending ? t('invitation.working') : t('invitation.createAndAccept')}
        </button>
        <DeclineButton disabled={create.isPending || declining} onDecline={onDecline} />
      </div>
    </form>
  );
}
