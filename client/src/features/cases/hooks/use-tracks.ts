import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordJusticeInput, RequestAssistanceInput, TransitionAssistanceInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { trackKeys } from '../api/case-keys';
import { fetchAssistance, fetchJustice, recordJustice, requestAssistance, stepAssistance } from '../api/tracks-api';
import { putAssistance, putJustice } from '../case-cache';

export function useAssistance(caseId: string) {
  const userId = useUserId();
  return useQuery({ queryKey: trackKeys.assistance(userId, caseId), queryFn: ({ signal }) => fetchAssistance(caseId, signal), enabled: userId !== '' });
}

export function useRequestAssistance(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: RequestAssistanceInput) => requestAssistance(caseId, input), onSuccess: (service) => putAssistance(queryClient, userId, service) });
}

/** A service given or ended; a conflict (someone else moved it first) reads the track again. */
export function useStepAssistance(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, input }: { serviceId: string; input: TransitionAssistanceInput }) => stepAssistance(caseId, serviceId, input),
    onSuccess: (service) => putAssistance(queryClient, userId, service),
    onError: () => queryClient.invalidateQueries({ queryKey: trackKeys.assistance(userId, caseId) }),
  });
}

export function useJustice(caseId: string) {
  const userId = useUserId();
  return useQuery({ queryKey: trackKeys.justice(userId, caseId), queryFn: ({ signal }) => fetchJustice(caseId, signal), enabled: userId !== '' });
}

export function useRecordJustice(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: RecordJusticeInput) => recordJustice(caseId, input), onSuccess: (entry) => putJustice(queryClient, userId, entry) });
}
