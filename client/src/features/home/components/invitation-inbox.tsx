import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxInvitationDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { toastSuccess } from '../../../ui/toast';
import { formatMoment } from '../../../i18n/format';
import { OrganizationChoiceForm } from '../../organizations/components/organization-choice';
import { useOrganizationQuestion } from '../../organizations/hooks/use-organization-question';
import { useAnswerInvitation, useMyInvitations } from '../hooks/use-home';

/**
 * The invitations addressed to the person's e-mail, accepted or declined in place (the e-mailed link does
 * the same). Someone without an organisation says which is theirs first. Shows nothing when there are none.
 */
export function InvitationInbox() {
  const { t } = useTranslation();
  const query = useMyInvitations();
  const { accept, decline } = useAnswerInvitation();
  const askOrganization = useOrganizationQuestion();
  const [choosingFor, setChoosingFor] = useState<InboxInvitationDto | null>(null);

  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data || query.data.items.length === 0) return null;

  const acceptNow = (invitation: InboxInvitationDto, organizationId?: string) =>
    accept.mutate(
      { id: invitation.id, organizationId },
      {
        onSuccess: () => {
          setChoosingFor(null);
          toastSuccess(t('start.accepted', { title: invitation.workspaceTitle }));
        },
      },
    );
  const busy = accept.isPending || decline.isPending;

  return (
    <Panel title={t('start.inboxHeading')}>
      {accept.isError && !choosingFor && <ErrorAlert error={accept.error} />}
      {decline.isError && <ErrorAlert error={decline.error} />}
      <Stack component="ul" gap="md" className="plain-list">
        {query.data.items.map((invitation) => (
          <InboxItem
            key={invitation.id}
            invitation={invitation}
            busy={busy || askOrganization === undefined}
            onAccept={() => (askOrganization ? setChoosingFor(invitation) : acceptNow(invitation))}
            onDecline={() =>
              decline.mutate(invitation.id, { onSuccess: () => toastSuccess(t('start.declinedDone', { title: invitation.workspaceTitle })) })
            }
          />
        ))}
      </Stack>
      <Dialog open={choosingFor !== null} onClose={() => setChoosingFor(null)} title={t('affiliation.chooseHeading')} size="md">
        {choosingFor && (
          <OrganizationChoiceForm
            submitLabel={t('affiliation.acceptAndAsk')}
            pending={accept.isPending}
            error={accept.error}
            suggested={choosingFor.suggestedOrganization}
            onSubmit={(organizationId) => acceptNow(choosingFor, organizationId)}
          />
        )}
      </Dialog>
    </Panel>
  );
}

function InboxItem({ invitation, busy, onAccept, onDecline }: { invitation: InboxInvitationDto; busy: boolean; onAccept: () => void; onDecline: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const role = t(`workspaces.roles.${invitation.role}`);
  return (
    <li>
      <Text fw={600}>{invitation.workspaceTitle}</Text>
      <Text size="sm">
        {invitation.inviterOrganization
          ? t('start.invitedByFrom', { name: invitation.inviterName, organization: invitation.inviterOrganization, role })
          : t('start.invitedBy', { name: invitation.inviterName, role })}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`workspaces.kinds.${invitation.workspaceKind}`)} · {t('start.expires', { when: formatMoment(invitation.expiresAt, language) })}
      </Text>
      {invitation.message && (
        <Text size="sm" fs="italic" mt={4}>
          {invitation.message}
        </Text>
      )}
      <Group gap="sm" mt="xs">
        <Button size="xs" onClick={onAccept} disabled={busy} aria-label={t('start.acceptNamed', { title: invitation.workspaceTitle })}>
          {t('start.accept')}
        </Button>
        <Button size="xs" variant="default" onClick={onDecline} disabled={busy} aria-label={t('start.declineNamed', { title: invitation.workspaceTitle })}>
          {t('start.decline')}
        </Button>
      </Group>
    </li>
  );
}
