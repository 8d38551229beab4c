import { subject } from '@casl/ability';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { QueryState } from '../../../ui/query-state';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useAgreement } from '../hooks/use-agreement';
import { useCommitmentDetails } from '../hooks/use-commitments';
import { CommitmentForm } from './commitment-form';
import { CommitmentItem } from './commitment-item';
import { ExportButton } from './export-button';
import '../agreements.css';

/** What each party committed to, grouped by the responsible party in the order the parties were added. */
export function CommitmentsPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const agreement = useAgreement(workspace.id);
  const commitments = useCommitmentDetails(workspace.id);
  const ability = useWorkspaceAbility(workspace);
  const [adding, setAdding] = useState(false);
  const canCreate = ability.can('create', subject('Commitment', { workspaceId: workspace.id }));
  return (
    <QueryState query={agreement}>
      {({ parties }) => (
        <Stack gap="lg">
          <Group justify="flex-end" gap="sm">
            <ExportButton query={{ agreementId: workspace.id }} />
            {canCreate && (
              <Button onClick={() => setAdding(true)} disabled={parties.length === 0}>
                {t('agreements.commitments.add')}
              </Button>
            )}
          </Group>
          {canCreate && parties.length === 0 && <Text c="dimmed">{t('agreements.commitments.needsParty')}</Text>}
          <QueryState query={commitments} isEmpty={(data) => data.items.length === 0} empty={t('agreements.commitments.empty')}>
            {({ items }) => (
              <>
                {parties
                  .map((party) => ({ party, items: items.filter((item) => item.responsibleOrganizationId === party.organizationId) }))
                  .filter((group) => group.items.length > 0)
                  .map(({ party, items: own }) => (
                    <Paper component="section" key={party.organizationId} aria-labelledby={`party-${party.organizationId}`} p={0}>
                      <Title order={2} size="h3" id={`party-${party.organizationId}`} mb="sm">
                        {party.organizationName}
                      </Title>
                      <Stack gap="sm">
                        {own.map((commitment) => (
                          <CommitmentItem key={commitment.id} workspace={workspace} commitment={commitment} />
                        ))}
                      </Stack>
                    </Paper>
                  ))}
              </>
            )}
          </QueryState>
          <Dialog open={adding} onClose={() => setAdding(false)} title={t('agreements.commitments.add')}>
            <CommitmentForm agreementId={workspace.id} parties={parties} onDone={() => setAdding(false)} />
          </Dialog>
        </Stack>
      )}
    </QueryState>
  );
}
