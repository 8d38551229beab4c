import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorDto } from '@enlace/shared';
import { useFormat } from '../use-format';

/**
 * Reported, verified and target values over time (by the end of each period). The same figures are in the
 * table beside it, which is what assistive technology reads: the chart is named as a picture of that table.
 */
export default function IndicatorChart({ indicator }: { indicator: IndicatorDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const points = indicator.measurements
    .filter((measurement) => measurement.supersededById === null)
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
    .map((measurement) => ({
      period: format.day(measurement.periodEnd),
      reported: measurement.value,
      verified: measurement.status === 'verified' ? measurement.value : null,
      target: indicator.target,
    }));
  const reported = t('agreements.indicators.reported');
  const verified = t('agreements.indicators.verified');
  const target = t('agreements.indicators.target');
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={t('agreements.indicators.chartLabel', { name: indicator.name })} style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis tickFormatter={(value: number) => format.number(value)} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? format.number(value) : String(value ?? ''))} />
            <Legend />
            <Line type="monotone" dataKey="reported" name={reported} stroke="var(--mantine-color-blue-6)" strokeWidth={2} isAnimationActive={false} />
            <Line type="monotone" dataKey="verified" name={verified} stroke="var(--mantine-color-green-7)" strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line type="stepAfter" dataKey="target" name={target} stroke="var(--mantine-color-gray-6)" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Text component="figcaption" size="xs" c="dimmed">
        {t('agreements.indicators.chartCaption', { unit: indicator.unit })}
      </Text>
    </figure>
  );
}
