import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingReferralDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { Dialog } from '../../../ui/dialog';
import { QueryState } from '../../../ui/query-state';
import { toastSuccess } from '../../../ui/toast';
import { DialogForm } from '../../agreements/components/dialog-form';
import { useFormat } from '../../agreements/use-format';
import { useOrganizationUsers } from '../../people/hooks/use-organization-users';
import { useAcceptReferral, useCompleteReferral, useDeclineReferral, useIncomingReferrals } from '../hooks/use-referrals';
import { ReferralStatusBadge } from './case-badges';
import { ReasonForm } from './reason-form';

type Decision = { kind: 'accept' | 'decline' | 'complete'; referral: IncomingReferralDto };

/**
 * The organisation's incoming referrals, for its admins: only what the consent allows (the case code, service,
 * urgency, jurisdiction and the names of the fields the person agreed to share, never their values).
 */
export function ReferralInbox({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const incoming = useIncomingReferrals();
  const [decision, setDecision] = useState<Decision | null>(null);
  const close = () => setDecision(null);
  return (
    <>
      <QueryState query={incoming} isEmpty={(data) => data.items.length === 0} empty={t('cases.inbox.empty')}>
        {(data) => (
          <DataTable<IncomingReferralDto>
            label={t('cases.inbox.heading')}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              { header: t('cases.fields.code'), cell: (row) => row.caseCode },
              { header: t('cases.inbox.from'), cell: (row) => row.fromOrganizationName },
              { header: t('cases.referrals.service'), cell: (row) => t(`cases.services.${row.service}`) },
              { header: t('cases.referrals.urgency'), cell: (row) => t(`cases.urgencies.${row.urgency}`) },
              { header: t('cases.fields.jurisdiction'), cell: (row) => row.jurisdiction ?? '—' },
              {
                header: t('cases.inbox.sharedFields'),
                cell: (row) => (row.sharedFields.length === 0 ? t('cases.consents.noFields') : row.sharedFields.map((field) => t(`cases.sensitive.fields.${field}`)).join(', ')),
              },
              { header: t('cases.referrals.status'), cell: (row) => <ReferralStatusBadge status={row.status} /> },
              { header: t('cases.inbox.received'), cell: (row) => format.moment(row.createdAt) },
              {
                header: t('cases.consents.actions'),
                actions: true,
                cell: (row) => (
                  <Group gap="xs">
                    {row.status === 'sent' && (
                      <>
                        <Button size="xs" onClick={() => setDecision({ kind: 'accept', referral: row })} aria-label={t('cases.inbox.acceptNamed', { code: row.caseCode })}>
                          {t('cases.inbox.accept')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setDecision({ kind: 'decline', referral: row })} aria-label={t('cases.inbox.declineNamed', { code: row.caseCode })}>
                          {t('cases.inbox.decline')}
                        </Button>
                      </>
                    )}
                    {row.status === 'accepted' && (
                      <Button size="xs" variant="light" onClick={() => setDecision({ kind: 'complete', referral: row })} aria-label={t('cases.inbox.completeNamed', { code: row.caseCode })}>
                        {t('cases.inbox.complete')}
                      </Button>
                    )}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Dialog open={decision !== null} onClose={close} title={decision ? t(`cases.inbox.${decision.kind}Title`, { code: decision.referral.caseCode }) : ''} size="md">
        {decision?.kind === 'accept' && <AcceptForm referral={decision.referral} organizationId={organizationId} onDone={close} />}
        {decision?.kind === 'decline' && <DeclineForm referral={decision.referral} onDone={close} />}
        {decision?.kind === 'complete' && <CompleteForm referral={decision.referral} onDone={close} />}
      </Dialog>
    </>
  );
}

/** Exactly the people chosen here join the case, as contributors; nobody else of the organisation does. */
function AcceptForm({ referral, organizationId, onDone }: { referral: IncomingReferralDto; organizationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const accept = useAcceptReferral();
  const people = useOrganizationUsers(organizationId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = () => {
    setSubmitted(true);
    if (chosen.length === 0) return;
    accept.mutate(
      { id: referral.id, input: { version: referral.version, userIds: chosen } },
      {
        onSuccess: () => {
          toastSuccess(t('cases.inbox.accepted', { code: referral.caseCode }));
          onDone();
        },
      },
    );
  };
  return (
    <DialogForm onSubmit={onSubmit} error={accept.error} pending={accept.isPending} submit={t('cases.inbox.accept')} onCancel={onDone}>
      <Text size="sm">{t('cases.inbox.acceptIntro')}</Text>
      <QueryState query={people}>
        {(data) => (
          <Checkbox.Group label={t('cases.inbox.people')} value={chosen} onChange={setChosen} error={submitted && chosen.length === 0 ? t('cases.inbox.peopleRequired') : undefined}>
            <Stack gap="xs" mt={6}>
              {data.pages
                .flatMap((page) => page.items)
                .filter((person) => !person.disabled)
                .map((person) => (
                  <Checkbox key={person.id} value={person.id} label={person.displayName} description={person.email} />
                ))}
            </Stack>
          </Checkbox.Group>
        )}
      </QueryState>
    </DialogForm>
  );
}

function DeclineForm({ referral, onDone }: { referral: IncomingReferralDto; onDone: () => void }) {
  const { t } = useTranslation();
  const decline = useDeclineReferral();
  return (
    <ReasonForm
      label={t('cases.inbox.declineReason')}
      submit={t('cases.inbox.decline')}
      pending={decline.isPending}
      error={decline.error}
      onSubmit={(reason) => decline.mutate({ id: referral.id, input: { version: referral.version, reason } }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

function CompleteForm({ referral, onDone }: { referral: IncomingReferralDto; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteReferral();
  const [note, setNote] = useState('');
  const onSubmit = () => complete.mutate({ id: referral.id, input: { version: referral.version, ...(note.trim() && { note: note.trim() }) } }, { onSuccess: onDone });
  return (
    <DialogForm onSubmit={onSubmit} error={complete.error} pending={complete.isPending} submit={t('cases.inbox.complete')} onCancel={onDone}>
      <Textarea label={t('cases.inbox.completionNote')} value={note} autosize minRows={2} maxLength={2000} onChange={(event) => setNote(event.currentTarget.value)} data-autofocus />
    </DialogForm>
  );
}
