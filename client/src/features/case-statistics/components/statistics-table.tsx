import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPRESSED, type CaseStatisticsDto } from '@enlace/shared';
import { useFormat } from '../../agreements/use-format';
import { useCellLabel } from '../hooks/use-cell-label';

/** Every cell of the breakdown and the total, "<5" where suppressed: what the chart beside it draws, for everyone. */
export function StatisticsTable({ statistics }: { statistics: CaseStatisticsDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCellLabel(statistics.by);
  const count = (value: number | typeof SUPPRESSED) => (value === SUPPRESSED ? SUPPRESSED : format.count(value));
  return (
    <Table captionSide="top" verticalSpacing="xs">
      <Table.Caption>{t(`caseStatistics.captions.${statistics.by}`)}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t(`caseStatistics.dimensions.${statistics.by}`)}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('caseStatistics.cases')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {statistics.cells.map((cell) => (
          <Table.Tr key={cell.key ?? ''}>
            <Table.Th scope="row" fw="normal">
              {label(cell.key)}
            </Table.Th>
            <Table.Td ta="end">{count(cell.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">{t('caseStatistics.total')}</Table.Th>
          <Table.Td ta="end">
            <Text span fw={700} inherit>
              {count(statistics.total)}
            </Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
