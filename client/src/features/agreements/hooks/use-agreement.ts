import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddPartyInput, AgreementDto, CreateAmendmentInput, PartyDto, TransitionAgreementInput, UpdateAgreementInput, UpdatePartyInput, WorkspaceDto } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { useUserId } from '../../auth/hooks/use-user-id';
import { dropParty, putParty } from '../agreement-cache';
import {
  addParty,
  agreementKeys,
  amendAgreement,
  fetchAgreement,
  fetchTransitions,
  fetchVersions,
  removeParty,
  transitionAgreement,
  updateAgreement,
  updateParty,
} from '../api/agreements-api';

/**
 * A form's key: it changes on each 409 VERSION_CONFLICT of its mutations (whose cache then holds the server's
 * state), and only then, so the form starts over from the current state with the conflict shown, while a live
 * change by someone else does not wipe what is being typed.
 */
export const restartKey = (...mutations: Array<{ error: unknown; submittedAt: number }>): string =>
  mutations.map((mutation) => (mutation.error instanceof ApiRequestError && mutation.error.code === 'VERSION_CONFLICT' ? mutation.submittedAt : 0)).join('-');

/** `details.current` of a 409 VERSION_CONFLICT: the server's state, which replaces ours so the form starts over from it. */
export function conflictCurrent<T>(error: unknown): T | undefined {
  return error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT' ? (error.details as { current?: T } | undefined)?.current : undefined;
}

export function useAgreement(id: string) {
  const userId = useUserId();
  return useQuery({ queryKey: agreementKeys.detail(userId, id), queryFn: ({ signal }) => fetchAgreement(id, signal), enabled: userId !== '' });
}

/** The parties of an agreement workspace, none for any other kind: what the invite dialog offers. */
export function useParties(workspace: WorkspaceDto): PartyDto[] {
  const userId = useUserId();
  const agreement = useQuery({
    queryKey: agreementKeys.detail(userId, workspace.id),
    queryFn: ({ signal }) => fetchAgreement(workspace.id, signal),
    enabled: userId !== '' && workspace.kind === 'agreement',
  });
  return agreement.data?.parties ?? [];
}

export function useTransitions(id: string) {
  const userId = useUserId();
  return useQuery({ queryKey: agreementKeys.transitions(userId, id), queryFn: ({ signal }) => fetchTransitions(id, signal), enabled: userId !== '' });
}

export function useTermsVersions(id: string) {
  const userId = useUserId();
  return useQuery({ queryKey: agreementKeys.versions(userId, id), queryFn: ({ signal }) => fetchVersions(id, signal), enabled: userId !== '' });
}

/** A change answered with the whole agreement: the answer replaces the cached one, the lists follow. */
function useAgreementChange<Input>(id: string, change: (input: Input) => Promise<AgreementDto>) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (agreement) => {
      queryClient.setQueryData(agreementKeys.detail(userId, id), agreement);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.transitions(userId, id) });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.versions(userId, id) });
    },
    onError: (error) => {
      const current = conflictCurrent<AgreementDto>(error);
      if (current) queryClient.setQueryData(agreementKeys.detail(userId, id), current);
    },
  });
}

export const useUpdateAgreement = (id: string) => useAgreementChange(id, (input: UpdateAgreementInput) => updateAgreement(id, input));
export const useAmendAgreement = (id: string) => useAgreementChange(id, (input: CreateAmendmentInput) => amendAgreement(id, input));

/** A lifecycle step, with the record date it sets (TRANSITION_DATES) in the same request. */
export const useTransitionAgreement = (id: string) => useAgreementChange(id, (input: TransitionAgreementInput) => transitionAgreement(id, input));

export function useAddParty(id: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddPartyInput) => addParty(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(userId, id) }),
  });
}

/** A party's new role, contact or signature; on a conflict the cache takes the server's party. */
export function useUpdateParty(id: string, organizationId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePartyInput) => updateParty(id, organizationId, input),
    onSuccess: (party) => putParty(queryClient, userId, party),
    onError: (error) => {
      const current = conflictCurrent<PartyDto>(error);
      if (current) putParty(queryClient, userId, current);
    },
  });
}

export function useRemoveParty(id: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => removeParty(id, organizationId),
    onSuccess: (_, organizationId) => dropParty(queryClient, userId, id, organizationId),
  });
}
