import type { CaseStatisticDimension } from '@enlace/shared';
import { api, data } from '../../../api/http';
import type { Download } from '../../agreements/api/indicators-api';

export const caseStatisticsQueryKey = (by: CaseStatisticDimension) => ['case-statistics', by] as const;

export const fetchCaseStatistics = (by: CaseStatisticDimension, signal?: AbortSignal) =>
  data(api.GET('/api/case-statistics', { params: { query: { by } }, signal }));

/** The same breakdown as CSV, suppressed exactly as on screen (the server builds both from one table). */
export async function exportCaseStatistics(by: CaseStatisticDimension): Promise<Download> {
  const { data: blob } = await api.GET('/api/case-statistics/export', { params: { query: { by } }, parseAs: 'blob' });
  return { blob: blob ?? new Blob(), fileName: `cases-by-${by}.csv` };
}
