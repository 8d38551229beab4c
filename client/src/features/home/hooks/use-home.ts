import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { acceptMyInvitation, declineMyInvitation, fetchAssignedCards, fetchMyInvitations, fetchRecentWorkspaces, homeKeys } from '../api/home-api';

/** Unread counts move whenever others work: read again each time the start page is shown. */
export function useRecentWorkspaces() {
  const userId = useUserId();
  return useQuery({
    queryKey: homeKeys.workspaces(userId),
    queryFn: ({ signal }) => fetchRecentWorkspaces(signal),
    enabled: userId !== '',
    staleTime: 0,
  });
}

export function useMyInvitations() {
  const userId = useUserId();
  return useQuery({
    queryKey: homeKeys.invitations(userId),
    queryFn: ({ signal }) => fetchMyInvitations(signal),
    enabled: userId !== '',
    staleTime: 0,
  });
}

export function useAssignedCards() {
  const userId = useUserId();
  return useQuery({
    queryKey: homeKeys.cards(userId),
    queryFn: ({ signal }) => fetchAssignedCards(signal),
    enabled: userId !== '',
    staleTime: 0,
  });
}

/** Accepting or declining changes the inbox, and accepting the person's workspaces and perhaps their organisation. */
export function useAnswerInvitation() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const settled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: homeKeys.all(userId) }),
      queryClient.invalidateQueries({ queryKey: ['workspaces', userId] }),
      queryClient.invalidateQueries({ queryKey: ['me', userId] }),
    ]);
  const accept = useMutation({
    mutationFn: ({ id, organizationId }: { id: string; organizationId?: string }) => acceptMyInvitation(id, organizationId),
    onSettled: settled,
  });
  const decline = useMutation({ mutationFn: (id: string) => declineMyInvitation(id), onSettled: settled });
  return { accept, decline };
}
