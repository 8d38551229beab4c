import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ViewSensitiveInput, WriteSensitiveInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { caseKeys } from '../api/case-keys';
import { fetchSensitiveViews, viewSensitive, writeSensitive } from '../api/cases-api';

/**
 * Reads the sensitive values, with the reader's reason (each call is recorded). The answer is kept by the
 * component that asked, never in the query cache, so the values leave memory with the screen that shows them.
 */
export function useViewSensitive(caseId: string) {
  return useMutation({ mutationFn: (input: ViewSensitiveInput) => viewSensitive(caseId, input) });
}

export function useWriteSensitive(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WriteSensitiveInput) => writeSensitive(caseId, input),
    onSuccess: (result) =>
      queryClient.setQueryData<number>(caseKeys.sensitiveVersion(userId, caseId), (known) => Math.max(known ?? 0, result.version)),
  });
}

/** The latest version of the sensitive fields heard of live (never fetched: their events say it). */
export function useKnownSensitiveVersion(caseId: string): number | undefined {
  const userId = useUserId();
  return useQuery<number>({ queryKey: caseKeys.sensitiveVersion(userId, caseId), queryFn: skipToken }).data;
}

/** Who read the sensitive fields, when and why: owners only. */
export function useSensitiveViews(caseId: string) {
  const userId = useUserId();
  return useQuery({ queryKey: caseKeys.sensitiveViews(userId, caseId), queryFn: ({ signal }) => fetchSensitiveViews(caseId, signal), enabled: userId !== '' });
}
