import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDto, CaseStage, CreateCaseInput, TransitionCaseInput, UpdateCaseInput } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { useUserId } from '../../auth/hooks/use-user-id';
import { workspaceKeys } from '../../workspaces/api/workspaces-api';
import { caseKeys } from '../api/case-keys';
import { createCase, fetchCase, fetchCases, fetchCaseTransitions, transitionCase, updateCase } from '../api/cases-api';

/**
 * The caller's cases, or those at one stage. Read afresh whenever the list is shown: a case someone admitted
 * the caller to (a referral accepted) sends them no event, as they were in no case room yet.
 */
export function useCases(stage?: CaseStage) {
  const userId = useUserId();
  return useInfiniteQuery({
    queryKey: caseKeys.list(userId, stage),
    queryFn: ({ pageParam, signal }) => fetchCases(stage, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: userId !== '',
    staleTime: 0,
  });
}

export function useCase(id: string) {
  const userId = useUserId();
  return useQuery({ queryKey: caseKeys.detail(userId, id), queryFn: ({ signal }) => fetchCase(id, signal), enabled: userId !== '' });
}

export function useCaseTransitions(id: string) {
  const userId = useUserId();
  return useQuery({ queryKey: caseKeys.transitions(userId, id), queryFn: ({ signal }) => fetchCaseTransitions(id, signal), enabled: userId !== '' });
}

/** A new case workspace: the sidebar's and the lists' workspaces are read again. */
export function useCreateCase() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => createCase(input),
    onSuccess: (created) => {
      queryClient.setQueryData(caseKeys.detail(userId, created.id), created);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all(userId) });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(userId) });
    },
  });
}

/**
 * A change answered with the whole case: the answer replaces the cached one. On a version conflict the cache
 * takes the current case the server answered, so the form shows theirs (the form is keyed by version).
 */
function useCaseChange<Input>(id: string, change: (input: Input) => Promise<CaseDto>) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (updated) => {
      queryClient.setQueryData(caseKeys.detail(userId, id), updated);
      void queryClient.invalidateQueries({ queryKey: caseKeys.transitions(userId, id) });
    },
    onError: (error) => {
      const current = error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT' ? (error.details as { current?: CaseDto }).current : undefined;
      if (current) queryClient.setQueryData(caseKeys.detail(userId, id), current);
    },
  });
}

export const useUpdateCase = (id: string) => useCaseChange(id, (input: UpdateCaseInput) => updateCase(id, input));
export const useTransitionCase = (id: string) => useCaseChange(id, (input: TransitionCaseInput) => transitionCase(id, input));
