import { subject } from '@casl/ability';
import { Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentDetailDto, WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useFormat } from '../use-format';
import { IndicatorCard } from './indicator-card';
import { IndicatorForm } from './indicator-form';
import { ProgressForm } from './progress-form';
import { ProgressHistory } from './progress-history';
import { CommitmentStatusBadge, OverdueBadge } from './status-badge';

/** One commitment: what, when, how it stands, its resources and indicators; reporting for whom the rules allow. */
export function CommitmentItem({ workspace, commitment }: { workspace: WorkspaceDto; commitment: CommitmentDetailDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const [history, setHistory] = useState(false);
  const ability = useWorkspaceAbility(workspace);
  // The local official's rule: a contributor reports only on their own organisation's commitments.
  const canReport = ability.can('update', subject('Commitment', { workspaceId: workspace.id, responsibleOrganizationId: commitment.responsibleOrganizationId }));
  const canDefine = ability.can('update', subject('Agreement', { workspaceId: workspace.id }));
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
        {commitment.cardsTotal > 0 && (
          <Text size="sm">{t('agreements.commitments.cards', { done: format.count(commitment.cardsDone), total: format.count(commitment.cardsTotal) })}</Text>
        )}
        {canReport && <ProgressForm agreementId={workspace.id} commitment={commitment} />}
        <Indicators workspace={workspace} commitment={commitment} canReport={canReport} canDefine={canDefine} />
        <Group>
          <Button variant="subtle" size="compact-sm" aria-expanded={history} onClick={() => setHistory((open) => !open)}>
            {history ? t('agreements.commitments.hideHistory') : t('agreements.commitments.showHistory')}
          </Button>
        </Group>
        <Collapse expanded={history}>
          <ProgressHistory agreementId={workspace.id} progress={commitment.progress} />
        </Collapse>
      </Stack>
    </Paper>
  );
}

interface IndicatorsProps {
  workspace: WorkspaceDto;
  commitment: CommitmentDetailDto;
  canReport: boolean;
  canDefine: boolean;
}

function Indicators({ workspace, commitment, canReport, canDefine }: IndicatorsProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  if (commitment.indicators.length === 0 && !canDefine) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('agreements.indicators.heading')}
        </Title>
        {canDefine && (
          <Button variant="default" size="xs" onClick={() => setAdding(true)}>
            {t('agreements.indicators.add')}
          </Button>
        )}
      </Group>
      {commitment.indicators.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('agreements.indicators.none')}
        </Text>
      )}
      {commitment.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} workspace={workspace} commitment={commitment} indicator={indicator} canReport={canReport} canDefine={canDefine} />
      ))}
      <Dialog open={adding} onClose={() => setAdding(false)} title={t('agreements.indicators.add')}>
        <IndicatorForm agreementId={workspace.id} commitmentId={commitment.id} onDone={() => setAdding(false)} />
      </Dialog>
    </Stack>
  );
}
