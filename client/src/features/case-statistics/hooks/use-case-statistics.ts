import { useQuery } from '@tanstack/react-query';
import type { CaseStatisticDimension } from '@enlace/shared';
import { caseStatisticsQueryKey, fetchCaseStatistics } from '../api/case-statistics-api';

/** The national counts of cases by `by`, small counts suppressed by the server. */
export function useCaseStatistics(by: CaseStatisticDimension) {
  return useQuery({ queryKey: caseStatisticsQueryKey(by), queryFn: ({ signal }) => fetchCaseStatistics(by, signal) });
}
