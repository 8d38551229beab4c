import { subject } from '@casl/ability';
import { Badge, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentDto, ReferralDto, WorkspaceDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { Dialog } from '../../../ui/dialog';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { toastSuccess } from '../../../ui/toast';
import { todayUtc, useFormat } from '../../agreements/use-format';
import { READABLE } from '../../agreements/components/status-badge';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useCaseReferrals, useConsents, useRevokeConsent } from '../hooks/use-referrals';
import { ReferralStatusBadge } from './case-badges';
import { ConsentForm } from './consent-form';
import { ReasonForm } from './reason-form';
import { ReferralForm } from './referral-form';

/** The case's consents (recorded, revoked) and its referrals; owners and coordinators record, revoke and refer. */
export function ReferralsPanel({ workspace }: { workspace: WorkspaceDto }) {
  const ability = useWorkspaceAbility(workspace);
  const canManage = ability.can('create', subject('Referral', { workspaceId: workspace.id }));
  return (
    <Stack gap="lg">
      <ConsentsSection caseId={workspace.id} canManage={canManage} />
      <ReferralsSection caseId={workspace.id} canManage={canManage} />
    </Stack>
  );
}

type ConsentState = 'valid' | 'expired' | 'revoked' | 'pending';
const consentState = (consent: ConsentDto, today = todayUtc()): ConsentState =>
  consent.revokedAt ? 'revoked' : consent.validUntil < today ? 'expired' : consent.givenOn > today ? 'pending' : 'valid';
const CONSENT_COLORS: Record<ConsentState, string> = { valid: 'green', expired: 'gray', revoked: 'red', pending: 'yellow' };

function ConsentsSection({ caseId, canManage }: { caseId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consents = useConsents(caseId);
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<ConsentDto | null>(null);
  const fields = (consent: ConsentDto) =>
    consent.sharedFields.length === 0 ? t('cases.consents.noFields') : consent.sharedFields.map((field) => t(`cases.sensitive.fields.${field}`)).join(', ');
  return (
    <Panel title={t('cases.consents.heading')} actions={canManage && <Button onClick={() => setRecording(true)}>{t('cases.consents.record')}</Button>}>
      <QueryState query={consents} isEmpty={(data) => data.items.length === 0} empty={t('cases.consents.empty')}>
        {(data) => (
          <DataTable<ConsentDto>
            label={t('cases.consents.heading')}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              { header: t('cases.consents.recipient'), cell: (row) => row.recipientOrganizationName },
              { header: t('cases.referrals.service'), cell: (row) => t(`cases.services.${row.purpose}`) },
              {
                header: t('cases.consents.givenBy'),
                cell: (row) => (row.lifeRiskException ? `${t('cases.consents.lifeRiskShort')}: ${row.justification ?? ''}` : row.givenBy && t(`cases.givers.${row.givenBy}`)),
              },
              { header: t('cases.consents.period'), cell: (row) => t('cases.consents.periodValue', { from: format.day(row.givenOn), to: format.day(row.validUntil) }) },
              { header: t('cases.inbox.sharedFields'), cell: fields },
              {
                header: t('cases.consents.status'),
                cell: (row) => {
                  const state = consentState(row);
                  return (
                    <Badge variant="light" color={CONSENT_COLORS[state]} c={READABLE} miw={{ sm: 'max-content' }}>
                      {t(`cases.consents.states.${state}`)}
                    </Badge>
                  );
                },
              },
              ...(canManage
                ? [
                    {
                      header: t('cases.consents.actions'),
                      actions: true,
                      cell: (row: ConsentDto) =>
                        row.revokedAt === null && (
                          <Button size="xs" variant="default" onClick={() => setRevoking(row)} aria-label={t('cases.consents.revokeNamed', { name: row.recipientOrganizationName })}>
                            {t('cases.consents.revoke')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      <Dialog open={recording} onClose={() => setRecording(false)} title={t('cases.consents.recordTitle')}>
        {recording && <ConsentForm caseId={caseId} onDone={() => setRecording(false)} />}
      </Dialog>
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)} title={t('cases.consents.revokeTitle', { name: revoking?.recipientOrganizationName ?? '' })} size="md">
        {revoking && <RevokeForm caseId={caseId} consent={revoking} onDone={() => setRevoking(null)} />}
      </Dialog>
    </Panel>
  );
}

function RevokeForm({ caseId, consent, onDone }: { caseId: string; consent: ConsentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeConsent(caseId);
  const onSubmit = (reason: string) =>
    revoke.mutate(
      { consentId: consent.id, reason },
      {
        onSuccess: () => {
          toastSuccess(t('cases.consents.revoked'));
          onDone();
        },
      },
    );
  return (
    <ReasonForm label={t('cases.consents.revokeReason')} submit={t('cases.consents.revoke')} pending={revoke.isPending} error={revoke.error} onSubmit={onSubmit} onCancel={onDone}>
      <Text size="sm">{t('cases.consents.revokeExplanation', { name: consent.recipientOrganizationName })}</Text>
    </ReasonForm>
  );
}

function ReferralsSection({ caseId, canManage }: { caseId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const referrals = useCaseReferrals(caseId);
  const [referring, setReferring] = useState(false);
  return (
    <Panel title={t('cases.referrals.heading')} actions={canManage && <Button onClick={() => setReferring(true)}>{t('cases.referrals.refer')}</Button>}>
      <QueryState query={referrals} isEmpty={(data) => data.items.length === 0} empty={t('cases.referrals.empty')}>
        {(data) => (
          <DataTable<ReferralDto>
            label={t('cases.referrals.heading')}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              { header: t('cases.referrals.to'), cell: (row) => row.toOrganizationName },
              { header: t('cases.referrals.service'), cell: (row) => t(`cases.services.${row.service}`) },
              { header: t('cases.referrals.urgency'), cell: (row) => t(`cases.urgencies.${row.urgency}`) },
              { header: t('cases.referrals.status'), cell: (row) => <ReferralStatusBadge status={row.status} /> },
              { header: t('cases.referrals.sentAt'), cell: (row) => format.moment(row.createdAt) },
              { header: t('cases.referrals.outcome'), cell: (row) => row.declineReason ?? row.completionNote ?? '—' },
            ]}
          />
        )}
      </QueryState>
      <Dialog open={referring} onClose={() => setReferring(false)} title={t('cases.referrals.referTitle')}>
        {referring && <ReferralForm caseId={caseId} onDone={() => setReferring(false)} />}
      </Dialog>
    </Panel>
  );
}
