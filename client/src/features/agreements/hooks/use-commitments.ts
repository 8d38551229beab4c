import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CommitmentStateSchema, type CreateCommitmentInput, type ReportProgressInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { agreementKeys, createCommitment, fetchCommitmentDetails, fetchCommitments, reportProgress } from '../api/agreements-api';
import { putCommitment, putCommitmentDetail } from '../agreement-cache';

export function useCommitments(agreementId: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: agreementKeys.commitments(userId, agreementId),
    queryFn: ({ signal }) => fetchCommitments(agreementId, signal),
    enabled: userId !== '',
  });
}

/** Every commitment with its progress history, indicators and measurements, and linked cards: one request for the tab. */
export function useCommitmentDetails(agreementId: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: agreementKeys.details(userId, agreementId),
    queryFn: ({ signal }) => fetchCommitmentDetails(agreementId, signal),
    enabled: userId !== '',
  });
}

export function useReportProgress(agreementId: string, commitmentId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportProgressInput) => reportProgress(commitmentId, input),
    onSuccess: (detail) => {
      putCommitmentDetail(queryClient, userId, detail);
      // The list holds commitments without their history: the state's schema keeps only its own fields.
      putCommitment(queryClient, userId, agreementId, CommitmentStateSchema.parse(detail));
    },
  });
}

export function useCreateCommitment(agreementId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommitmentInput) => createCommitment(agreementId, input),
    onSuccess: (commitment) => {
      putCommitment(queryClient, userId, agreementId, CommitmentStateSchema.parse(commitment));
    },
  });
}
