import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptReferralInput, CompleteReferralInput, CreateReferralInput, DeclineReferralInput, IncomingReferralDto, RecordConsentInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import {
  acceptReferral,
  completeReferral,
  createReferral,
  declineReferral,
  fetchConsents,
  fetchIncoming,
  fetchReferrals,
  recordConsent,
  revokeConsent,
} from '../api/referrals-api';
import { referralKeys } from '../api/case-keys';
import { putConsent, putReferral } from '../case-cache';

export function useConsents(caseId: string) {
  const userId = useUserId();
  return useQuery({ queryKey: referralKeys.consents(userId, caseId), queryFn: ({ signal }) => fetchConsents(caseId, signal), enabled: userId !== '' });
}

export function useCaseReferrals(caseId: string) {
  const userId = useUserId();
  return useQuery({ queryKey: referralKeys.referrals(userId, caseId), queryFn: ({ signal }) => fetchReferrals(caseId, signal), enabled: userId !== '' });
}

export function useRecordConsent(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: RecordConsentInput) => recordConsent(caseId, input), onSuccess: (consent) => putConsent(queryClient, userId, consent) });
}

/** Revoking withdraws the referrals made under the consent and removes who joined through them: both lists follow. */
export function useRevokeConsent(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, reason }: { consentId: string; reason: string }) => revokeConsent(caseId, consentId, { reason }),
    onSuccess: (consent) => {
      putConsent(queryClient, userId, consent);
      void queryClient.invalidateQueries({ queryKey: referralKeys.referrals(userId, caseId) });
    },
  });
}

export function useRefer(caseId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: CreateReferralInput) => createReferral(caseId, input), onSuccess: (referral) => putReferral(queryClient, userId, referral) });
}

/** The organisation's incoming referrals (its admins'): only what the consent allows. */
export function useIncomingReferrals() {
  const userId = useUserId();
  return useQuery({ queryKey: referralKeys.incoming(userId), queryFn: ({ signal }) => fetchIncoming({}, signal), enabled: userId !== '' });
}

/** A decision on an incoming referral: its row takes the answer; a conflict or refusal reads the inbox again. */
function useDecision<Input>(decide: (id: string, input: Input) => Promise<IncomingReferralDto>) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const key = referralKeys.incoming(userId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Input }) => decide(id, input),
    onSuccess: (updated) =>
      queryClient.setQueryData<{ items: IncomingReferralDto[] }>(key, (cached) => cached && { ...cached, items: cached.items.map((item) => (item.id === updated.id ? updated : item)) }),
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useAcceptReferral = () => useDecision((id, input: AcceptReferralInput) => acceptReferral(id, input));
export const useDeclineReferral = () => useDecision((id, input: DeclineReferralInput) => declineReferral(id, input));
export const useCompleteReferral = () => useDecision((id, input: CompleteReferralInput) => completeReferral(id, input));
