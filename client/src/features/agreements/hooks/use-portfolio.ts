import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAgreementInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { workspaceKeys } from '../../workspaces/api/workspaces-api';
import { agreementKeys, createAgreement, fetchPortfolio, type PortfolioFilters } from '../api/agreements-api';

/** The caller's agreements with their figures, a keyset page at a time. */
export function usePortfolio(filters: PortfolioFilters) {
  const userId = useUserId();
  return useInfiniteQuery({
    queryKey: agreementKeys.portfolio(userId, filters),
    queryFn: ({ pageParam, signal }) => fetchPortfolio(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: userId !== '',
  });
}

export function useCreateAgreement() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAgreementInput) => createAgreement(input),
    onSuccess: (agreement) => {
      queryClient.setQueryData(agreementKeys.detail(userId, agreement.id), agreement);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all(userId) });
      // The agreement came with its workspace.
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list(userId) });
    },
  });
}
