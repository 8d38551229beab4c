import { subject } from '@casl/ability';
import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentDto, IndicatorDto, MeasurementDto, WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { LoadingStatus } from '../../../ui/query-state';
import { useSession } from '../../auth/hooks/use-session';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useFormat } from '../use-format';
import { IndicatorForm } from './indicator-form';
import { MeasurementForm } from './measurement-form';
import { MeasurementsTable } from './measurements-table';

// Recharts is large: it loads when an indicator with measurements is first shown.
const IndicatorChart = lazy(() => import('./indicator-chart'));

interface IndicatorCardProps {
  workspace: WorkspaceDto;
  commitment: CommitmentDto;
  indicator: IndicatorDto;
  /** Whether the caller may report on this commitment (its responsible party, or a manager). */
  canReport: boolean;
  /** Whether the caller may redefine the indicator (owners and coordinators). */
  canDefine: boolean;
}

/** An indicator: its definition, reported and verified progress apart, its chart and the table of its measurements. */
export function IndicatorCard({ workspace, commitment, indicator, canReport, canDefine }: IndicatorCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const ability = useWorkspaceAbility(workspace);
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState(false);
  // The measurement a correction supersedes (a verified one is final: it is corrected, never changed).
  const [correcting, setCorrecting] = useState<MeasurementDto | null>(null);
  const myOrganizationId = session.status === 'signed-in' ? session.user.organizationId : null;
  // Verification is by another party; the server also refuses the organisation that reported the value.
  const canReview = ability.can('create', subject('Verification', { workspaceId: workspace.id, responsibleOrganizationId: commitment.responsibleOrganizationId }));
  const current = indicator.measurements.filter((measurement) => measurement.supersededById === null);

  return (
    <Paper withBorder p="sm" component="section" aria-label={indicator.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={4}>{indicator.name}</Title>
          <Group gap="xs">
            <Badge variant="outline">{t(`agreements.indicators.categories.${indicator.category}`)}</Badge>
            <Badge variant="outline" color="gray.7">
              {t(`agreements.indicators.frequencies.${indicator.frequency}`)}
            </Badge>
            {canDefine && (
              <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)} aria-label={t('agreementEditing.editIndicatorNamed', { name: indicator.name })}>
                {t('agreementEditing.edit')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm">
          {t(`agreements.indicators.directions.${indicator.direction}`, {
            baseline: format.number(indicator.baseline),
            target: format.number(indicator.target),
            unit: indicator.unit,
          })}
        </Text>
        {indicator.meansOfVerification && (
          <Text size="sm" c="dimmed">
            {t('agreements.indicators.meansOfVerification')}: {indicator.meansOfVerification}
          </Text>
        )}
        <ProgressLine label={t('agreements.indicators.reported')} share={indicator.progressReported} color="blue" />
        <ProgressLine label={t('agreements.indicators.verified')} share={indicator.progressVerified} color="green" />
        {current.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Suspense fallback={<LoadingStatus />}>
              <IndicatorChart indicator={indicator} />
            </Suspense>
            <MeasurementsTable
              agreementId={workspace.id}
              indicator={indicator}
              myOrganizationId={myOrganizationId}
              canReview={canReview}
              onCorrect={canReport ? setCorrecting : undefined}
            />
          </SimpleGrid>
        )}
        {current.length === 0 && <Text c="dimmed" size="sm">{t('agreements.indicators.noMeasurements')}</Text>}
        {canReport && (
          <Group>
            <Button variant="light" onClick={() => setRecording(true)}>
              {t('agreements.measurements.record')}
            </Button>
          </Group>
        )}
      </Stack>
      <Dialog open={recording} onClose={() => setRecording(false)} title={t('agreements.measurements.recordFor', { name: indicator.name })}>
        <MeasurementForm agreementId={workspace.id} commitmentId={commitment.id} indicator={indicator} onDone={() => setRecording(false)} />
      </Dialog>
      <Dialog open={correcting !== null} onClose={() => setCorrecting(null)} title={t('agreementEditing.correctFor', { name: indicator.name })}>
        {correcting && <MeasurementForm agreementId={workspace.id} commitmentId={commitment.id} indicator={indicator} corrects={correcting} onDone={() => setCorrecting(null)} />}
      </Dialog>
      <Dialog open={editing} onClose={() => setEditing(false)} title={t('agreementEditing.editIndicatorNamed', { name: indicator.name })}>
        {editing && <IndicatorForm agreementId={workspace.id} commitmentId={commitment.id} indicator={indicator} onDone={() => setEditing(false)} />}
      </Dialog>
    </Paper>
  );
}

/** One share of the way from baseline to target, in words and as a bar (announced as a progress bar). */
function ProgressLine({ label, share, color }: { label: string; share: number; color: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = t('agreements.indicators.ofTarget', { label, percent: format.percent(share) });
  return (
    <div>
      <Text size="sm">{text}</Text>
      <Progress value={Math.max(0, Math.min(1, share)) * 100} color={color} aria-label={text} size="md" />
    </div>
  );
}
