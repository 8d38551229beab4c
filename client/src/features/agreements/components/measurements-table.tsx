import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileDto, IndicatorDto, MeasurementDto, MeasurementStatus } from '@enlace/shared';
import { toastError } from '../../../ui/toast';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { downloadEvidence } from '../api/indicators-api';
import { saveFile } from '../save-file';
import { useFormat } from '../use-format';
import { MeasurementReview } from './measurement-review';
import { READABLE } from './status-badge';
import { TableScroll } from './table-scroll';

const STATUS_COLORS: Record<MeasurementStatus, string> = { reported: 'blue', verified: 'green', disputed: 'orange' };

interface MeasurementsTableProps {
  agreementId: string;
  indicator: IndicatorDto;
  myOrganizationId: string | null;
  /** Whether the rules let the caller verify on this commitment at all (another party's member). */
  canReview: boolean;
  /** Opens a correction of a current measurement; only for who may report on the commitment. */
  onCorrect?: (measurement: MeasurementDto) => void;
}

/** The indicator's measurements, newest period first: the chart's figures as a table, with evidence and review. */
export function MeasurementsTable({ agreementId, indicator, myOrganizationId, canReview, onCorrect }: MeasurementsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t('agreements.measurements.tableLabel', { name: indicator.name })} minWidth={420}>
      <Table captionSide="top" aria-label={t('agreements.measurements.tableLabel', { name: indicator.name })}>
        <Table.Caption>{t('agreements.measurements.caption', { target: format.number(indicator.target), unit: indicator.unit })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('agreements.measurements.period')}</Table.Th>
            <Table.Th scope="col">{t('agreements.measurements.value')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('agreements.measurements.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicator.measurements.map((measurement) => {
            const superseded = measurement.supersededById !== null;
            // Nobody verifies their own organisation's measurement (the server refuses it too).
            const reviewable = canReview && !superseded && measurement.status === 'reported' && measurement.reportedByOrganizationId !== myOrganizationId;
            return (
              <Table.Tr key={measurement.id} c={superseded ? 'dimmed' : undefined}>
                <Table.Th scope="row" fw="normal">
                  {format.day(measurement.periodStart)} – {format.day(measurement.periodEnd)}
                </Table.Th>
                <Table.Td>
                  {format.number(measurement.value)} {indicator.unit}
                  {measurement.note && (
                    <Text size="xs" c="dimmed">
                      {measurement.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <MeasurementStatusBadge status={measurement.status} />
                    {superseded && <Text size="xs">{t('agreements.measurements.superseded')}</Text>}
                    {measurement.status === 'disputed' && measurement.disputeReason && <Text size="xs">{measurement.disputeReason}</Text>}
                    {reviewable && <MeasurementReview agreementId={agreementId} measurement={measurement} />}
                    {onCorrect && !superseded && (
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => onCorrect(measurement)}
                        aria-label={t('agreementEditing.correctNamed', { period: `${format.day(measurement.periodStart)} – ${format.day(measurement.periodEnd)}` })}
                      >
                        {t('agreementEditing.correct')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <EvidenceList files={measurement.evidence} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

export function MeasurementStatusBadge({ status }: { status: MeasurementDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" c={READABLE}>
      {t(`agreements.measurements.statuses.${status}`)}
    </Badge>
  );
}

/** Each evidence file as a download button: the file comes with the session's token, as an attachment. */
function EvidenceList({ files }: { files: EvidenceFileDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const describeError = useErrorMessage();
  if (files.length === 0) return <Text size="xs">{t('agreements.measurements.noEvidence')}</Text>;
  const fetchFile = (file: EvidenceFileDto) =>
    downloadEvidence(file.id, file.fileName)
      .then(saveFile)
      .catch((error: unknown) => toastError(describeError(error)));
  return (
    <Group gap={4}>
      {files.map((file) => (
        <Button
          key={file.id}
          variant="subtle"
          size="compact-xs"
          onClick={() => void fetchFile(file)}
          aria-label={t('agreements.measurements.download', { name: file.fileName, size: format.count(Math.ceil(file.size / 1024)) })}
        >
          {file.fileName}
        </Button>
      ))}
    </Group>
  );
}
