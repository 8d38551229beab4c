import type { CreateInvitationInput, CreateWorkspaceInput, ResendInvitationInput, UpdateMemberInput, UpdateWorkspaceInput, WorkspaceStatus } from '@enlace/shared';
import { api, data } from '../../../api/http';

/** Keyed by user: one person's workspaces are never served to the next person at this machine. */
export const workspaceKeys = {
  all: (userId: string) => ['workspaces', userId] as const,
  lists: (userId: string) => ['workspaces', userId, 'list'] as const,
  list: (userId: string, status?: WorkspaceStatus) => ['workspaces', userId, 'list', status ?? 'all'] as const,
  detail: (userId: string, id: string) => ['workspaces', userId, 'detail', id] as const,
  members: (userId: string, id: string) => ['workspaces', userId, 'members', id] as const,
  invitations: (userId: string, id: string) => ['workspaces', userId, 'invitations', id] as const,
};

const id = (value: string) => ({ params: { path: { id: value } } });

export const fetchWorkspaces = (cursor: string | undefined, status: WorkspaceStatus | undefined, signal?: AbortSignal) =>
  data(api.GET('/api/workspaces', { params: { query: { limit: 50, cursor, status } }, signal }));

export const createWorkspace = (input: CreateWorkspaceInput) => data(api.POST('/api/workspaces', { body: input }));
export const fetchWorkspace = (workspaceId: string, signal?: AbortSignal) => data(api.GET('/api/workspaces/{id}', { ...id(workspaceId), signal }));
export const updateWorkspace = (workspaceId: string, input: UpdateWorkspaceInput) =>
  data(api.PATCH('/api/workspaces/{id}', { ...id(workspaceId), body: input }));

export const fetchMembers = (workspaceId: string, signal?: AbortSignal) => data(api.GET('/api/workspaces/{id}/members', { ...id(workspaceId), signal }));
export const updateMember = (workspaceId: string, userId: string, input: UpdateMemberInput) =>
  data(api.PATCH('/api/workspaces/{id}/members/{userId}', { params: { path: { id: workspaceId, userId } }, body: input }));
export const removeMember = (workspaceId: string, userId: string) =>
  data(api.DELETE('/api/workspaces/{id}/members/{userId}', { params: { path: { id: workspaceId, userId } } }));

export const fetchInvitations = (workspaceId: string, signal?: AbortSignal) =>
  data(api.GET('/api/workspaces/{id}/invitations', { ...id(workspaceId), signal }));
export const createInvitation = (workspaceId: string, input: CreateInvitationInput) =>
  data(api.POST('/api/workspaces/{id}/invitations', { ...id(workspaceId), body: input }));
export const resendInvitation = (workspaceId: string, invitationId: string, input: ResendInvitationInput) =>
  data(api.POST('/api/workspaces/{id}/invitations/{invitationId}/resend', { params: { path: { id: workspaceId, invitationId } }, body: input }));
export const revokeInvitation = (workspaceId: string, invitationId: string) =>
  data(api.DELETE('/api/workspaces/{id}/invitations/{invitationId}', { params: { path: { id: workspaceId, invitationId } } }));
