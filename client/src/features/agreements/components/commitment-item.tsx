import { subject } from '@casl/ability';
import { Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentDto, WorkspaceDto } from '@enlace/shared';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useFormat } from '../use-format';
import { ProgressForm } from './progress-form';
import { ProgressHistory } from './progress-history';
import { CommitmentStatusBadge, OverdueBadge } from './status-badge';

/** One commitment: what, when, how it stands, its resources; progress reporting for whom the rules allow. */
export function CommitmentItem({ workspace, commitment }: { workspace: WorkspaceDto; commitment: CommitmentDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const [history, setHistory] = useState(false);
  const ability = useWorkspaceAbility(workspace);
  // The local official's rule: a contributor reports only on their own organisation's commitments.
  const canReport = ability.can('update', subject('Commitment', { workspaceId: workspace.id, responsibleOrganizationId: commitment.responsibleOrganizationId }));
  const money = (amount: string | null) => (amount !== null && commitment.currency ? format.money(amount, commitment.currency) : t('agreements.notSet'));

  return (
    <Paper component="article" withBorder p="md" aria-labelledby={titleId} className={commitment.overdue ? 'commitment commitment-overdue' : 'commitment'}>
      <Stack gap="xs">
        <Text fw={600} id={titleId}>
          {commitment.text}
        </Text>
        <Group gap="xs">
          <CommitmentStatusBadge status={commitment.status} />
          {commitment.overdue && <OverdueBadge />}
          <Badge variant="outline">{t(`agreements.areas.${commitment.thematicArea}`)}</Badge>
        </Group>
        <dl className="agreement-facts">
          <div>
            <dt>{t('agreements.commitments.dueOn')}</dt>
            <dd>{commitment.dueOn ? format.day(commitment.dueOn) : t('agreements.notSet')}</dd>
          </div>
          <div>
            <dt>{t('agreements.commitments.allocated')}</dt>
            <dd>{money(commitment.budgetAllocated)}</dd>
          </div>
          <div>
            <dt>{t('agreements.commitments.executed')}</dt>
            <dd>{money(commitment.budgetExecuted)}</dd>
          </div>
          <div>
            <dt>{t('agreements.commitments.staff')}</dt>
            <dd>{commitment.staffAssigned === null ? t('agreements.notSet') : format.count(commitment.staffAssigned)}</dd>
          </div>
        </dl>
        {commitment.status === 'blocked' && commitment.blockedReason && (
          <Text size="sm">
            {t('agreements.commitments.blockedBecause')} {commitment.blockedReason}
          </Text>
        )}
        {canReport && <ProgressForm agreementId={workspace.id} commitment={commitment} />}
        <Group>
          <Button variant="subtle" size="compact-sm" aria-expanded={history} onClick={() => setHistory((open) => !open)}>
            {history ? t('agreements.commitments.hideHistory') : t('agreements.commitments.showHistory')}
          </Button>
        </Group>
        <Collapse expanded={history}>{history && <ProgressHistory agreementId={workspace.id} commitmentId={commitment.id} />}</Collapse>
      </Stack>
    </Paper>
  );
}
