import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateOrganizationInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { peopleKeys } from '../../people/api/people-api';
import { affiliationKeys, approveJoinRequest, fetchJoinRequests, rejectJoinRequest, updateOrganization } from '../api/affiliation-api';
import { organizationKeys } from '../api/organizations-api';

export function useJoinRequests(organizationId: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: affiliationKeys.joinRequests(userId, organizationId),
    queryFn: ({ signal }) => fetchJoinRequests(organizationId, signal),
    enabled: userId !== '' && organizationId !== '',
  });
}

/** Approving adds the person to the organisation's accounts; either way the request leaves the list. */
export function useDecideJoinRequest(organizationId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, approve }: { requestId: string; approve: boolean }) =>
      approve ? approveJoinRequest(organizationId, requestId) : rejectJoinRequest(organizationId, requestId),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: affiliationKeys.joinRequests(userId, organizationId) }),
        queryClient.invalidateQueries({ queryKey: peopleKeys.inOrganization(userId, organizationId) }),
      ]),
  });
}

export function useUpdateOrganization(organizationId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOrganizationInput) => updateOrganization(organizationId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizationKeys.all(userId) }),
  });
}
