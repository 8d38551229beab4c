import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInvitationInput, ResendInvitationInput, UpdateMemberInput } from '@enlace/shared';
import {
  createInvitation,
  fetchInvitations,
  fetchMembers,
  removeMember,
  resendInvitation,
  revokeInvitation,
  updateMember,
  workspaceKeys,
} from '../api/workspaces-api';
import { useUserId } from '../../auth/hooks/use-user-id';

export function useMembers(workspaceId: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: workspaceKeys.members(userId, workspaceId),
    queryFn: ({ signal }) => fetchMembers(workspaceId, signal),
    enabled: userId !== '',
  });
}

export function useUpdateMember(workspaceId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, input }: { memberId: string; input: UpdateMemberInput }) => updateMember(workspaceId, memberId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(userId, workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => removeMember(workspaceId, memberId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(userId, workspaceId) }),
  });
}

export function useInvitations(workspaceId: string, enabled: boolean) {
  const userId = useUserId();
  return useQuery({
    queryKey: workspaceKeys.invitations(userId, workspaceId),
    queryFn: ({ signal }) => fetchInvitations(workspaceId, signal),
    enabled: enabled && userId !== '',
  });
}

export function useCreateInvitation(workspaceId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => createInvitation(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(userId, workspaceId) }),
  });
}

export function useResendInvitation(workspaceId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId, input }: { invitationId: string; input: ResendInvitationInput }) => resendInvitation(workspaceId, invitationId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(userId, workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(workspaceId, invitationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(userId, workspaceId) }),
  });
}
