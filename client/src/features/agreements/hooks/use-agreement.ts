import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddPartyInput, AgreementDto, CreateAmendmentInput, TransitionAgreementInput, UpdateAgreementInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import {
  addParty,
  agreementKeys,
  amendAgreement,
  fetchAgreement,
  fetchTransitions,
  fetchVersions,
  transitionAgreement,
  updateAgreement,
} from '../api/agreements-api';

export function useAgreement(id: string) {
  const userId = useUserId();
  return useQuery({ queryKey: agreementKeys.detail(userId, id), queryFn: ({ signal }) => fetchAgreement(id, signal), enabled: userId !== '' });
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
  });
}

export const useUpdateAgreement = (id: string) => useAgreementChange(id, (input: UpdateAgreementInput) => updateAgreement(id, input));
export const useAmendAgreement = (id: string) => useAgreementChange(id, (input: CreateAmendmentInput) => amendAgreement(id, input));

/**
 * A lifecycle step. Where the step needs a record date the agreement lacks (an effective date to enter into
 * force), `record` is saved first and the step is taken on the version that answer returns.
 */
export const useTransitionAgreement = (id: string) =>
  useAgreementChange(id, async ({ record, ...step }: TransitionAgreementInput & { record?: Omit<UpdateAgreementInput, 'version'> }) => {
    const version = record ? (await updateAgreement(id, { ...record, version: step.version })).version : step.version;
    return transitionAgreement(id, { ...step, version });
  });

export function useAddParty(id: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddPartyInput) => addParty(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(userId, id) }),
  });
}
