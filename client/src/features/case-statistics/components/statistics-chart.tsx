import { Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Text as SvgText, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { SUPPRESSED, type CaseStatisticsDto } from '@enlace/shared';
import { useIsPhone } from '../../../ui/use-is-phone';
import { useFormat } from '../../agreements/use-format';
import { useCellLabel } from '../hooks/use-cell-label';

const ROW_HEIGHT = 40;
/** The mark of a suppressed row: the same short width whatever the scale, so it never reads as a count. */
const MARK_WIDTH = 16;
const TEXT = 'var(--mantine-color-text)';

interface Row {
  label: string;
  count: number | null;
}

/**
 * A row's name left of the axis and, for a suppressed row, a hatched mark and "<5" right of it where its bar
 * would start: the chart draws no bar for it, since a bar's length would be a number.
 */
function rowTick(rows: Row[], labelWidth: number, patternId: string) {
  return function RowTick(props: YAxisTickContentProps) {
    const x = Number(props.x);
    const y = Number(props.y);
    return (
      <g>
        <SvgText x={x - 6} y={y} width={labelWidth - 10} textAnchor="end" verticalAnchor="middle" fill={TEXT} fontSize={12}>
          {String(props.payload.value)}
        </SvgText>
        {rows[props.index]?.count === null && (
          <>
            <rect x={x + 2} y={y - 9} width={MARK_WIDTH} height={18} fill={`url(#${patternId})`} stroke={TEXT} strokeWidth={1} />
            <text x={x + MARK_WIDTH + 8} y={y} dominantBaseline="central" fill={TEXT} fontSize={12}>
              {SUPPRESSED}
            </text>
          </>
        )}
      </g>
    );
  };
}

/**
 * The breakdown as horizontal bars, a suppressed cell as a hatched mark with "<5" and no bar. The table beside it
 * has every figure and is what assistive technology reads; the chart is named as a picture of that table.
 */
export default function StatisticsChart({ statistics }: { statistics: CaseStatisticsDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phone = useIsPhone();
  const label = useCellLabel(statistics.by);
  // An SVG id usable in url(#…): React's ids carry characters that do not belong there.
  const patternId = `suppressed-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const rows: Row[] = statistics.cells.map((cell) => ({ label: label(cell.key), count: cell.count === SUPPRESSED ? null : cell.count }));
  const labelWidth = phone ? 112 : 180;
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={t('caseStatistics.chartLabel', { caption: t(`caseStatistics.captions.${statistics.by}`) })} style={{ width: '100%', height: rows.length * ROW_HEIGHT + 40 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 0 }}>
            <defs>
              <pattern id={patternId} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1={0} y1={0} x2={0} y2={5} stroke={TEXT} strokeWidth={2} />
              </pattern>
            </defs>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: TEXT, fontSize: 12 }} tickFormatter={(value: number) => format.count(value)} />
            <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={rowTick(rows, labelWidth, patternId)} />
            <Bar dataKey="count" fill="var(--mantine-color-blue-6)" isAnimationActive={false}>
              <LabelList dataKey="count" position="right" fill={TEXT} fontSize={12} formatter={(value) => (typeof value === 'number' ? format.count(value) : '')} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {rows.some((row) => row.count === null) && (
        <Text component="figcaption" size="xs" c="dimmed">
          {t('caseStatistics.chartSuppressed')}
        </Text>
      )}
    </figure>
  );
}
