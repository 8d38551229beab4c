import { Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { QueryState } from '../../../ui/query-state';
import { useAgreement } from '../hooks/use-agreement';
import { useCommitments } from '../hooks/use-commitments';
import { CommitmentItem } from './commitment-item';
import { ExportButton } from './export-button';
import '../agreements.css';

/** What each party committed to, grouped by the responsible party in the order the parties were added. */
export function CommitmentsPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const agreement = useAgreement(workspace.id);
  const commitments = useCommitments(workspace.id);
  return (
    <QueryState query={agreement}>
      {({ parties }) => (
        <QueryState query={commitments} isEmpty={(data) => data.items.length === 0} empty={t('agreements.commitments.empty')}>
          {({ items }) => (
            <Stack gap="lg">
              <Group justify="flex-end">
                <ExportButton query={{ agreementId: workspace.id }} />
              </Group>
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
            </Stack>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}
