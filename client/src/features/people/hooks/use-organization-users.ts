import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { CreateUserInput, Page, UserDto } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { createUser, fetchOrganizationUsers, peopleKeys, updateUser } from '../api/people-api';

export function useOrganizationUsers(organizationId: string) {
  const userId = useUserId();
  return useInfiniteQuery({
    queryKey: peopleKeys.inOrganization(userId, organizationId),
    queryFn: ({ pageParam, signal }) => fetchOrganizationUsers(organizationId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: userId !== '' && organizationId !== '',
  });
}

/** Disables or enables an account; the row takes the server's answer at once. */
export function useSetUserDisabled(organizationId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const key = peopleKeys.inOrganization(userId, organizationId);
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) => updateUser(id, { disabled }),
    onSuccess: (updated) =>
      queryClient.setQueryData<InfiniteData<Page<UserDto>>>(key, (data) =>
        data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((user) => (user.id === updated.id ? updated : user)) })) },
      ),
    // The account may have changed or gone meanwhile: show what the server has now.
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useCreateUser(organizationId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => createUser(organizationId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.inOrganization(userId, organizationId) }),
  });
}
