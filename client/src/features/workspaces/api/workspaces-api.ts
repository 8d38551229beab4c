import type {
  CreatedInvitationDto,
  CreateInvitationInput,
  CreateWorkspaceInput,
  InvitationDto,
  MemberDto,
  UpdateMemberInput,
  UpdateWorkspaceInput,
  WorkspaceDto,
} from '@enlace/shared';
import { http } from '../../../api/http';

export interface WorkspacePage {
  items: WorkspaceDto[];
  nextCursor?: string;
}

/** Keyed by user: one person's workspaces are never served to the next person at this machine. */
export const workspaceKeys = {
  all: (userId: string) => ['workspaces', userId] as const,
  list: (userId: string) => ['workspaces', userId, 'list'] as const,
  detail: (userId: string, id: string) => ['workspaces', userId, 'detail', id] as const,
  members: (userId: string, id: string) => ['workspaces', userId, 'members', id] as const,
  invitations: (userId: string, id: string) => ['workspaces', userId, 'invitations', id] as const,
};

const enc = encodeURIComponent;

export function fetchWorkspaces(cursor: string | undefined, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return http.get<WorkspacePage>(`/workspaces?${params.toString()}`, { signal });
}

export const createWorkspace = (input: CreateWorkspaceInput) => http.post<WorkspaceDto>('/workspaces', input);
export const fetchWorkspace = (id: string, signal?: AbortSignal) => http.get<WorkspaceDto>(`/workspaces/${enc(id)}`, { signal });
export const updateWorkspace = (id: string, input: UpdateWorkspaceInput) => http.patch<WorkspaceDto>(`/workspaces/${enc(id)}`, input);

export const fetchMembers = (id: string, signal?: AbortSignal) =>
  http.get<{ items: MemberDto[] }>(`/workspaces/${enc(id)}/members`, { signal });
export const updateMember = (id: string, userId: string, input: UpdateMemberInput) =>
  http.patch<MemberDto>(`/workspaces/${enc(id)}/members/${enc(userId)}`, input);
export const removeMember = (id: string, userId: string) => http.delete(`/workspaces/${enc(id)}/members/${enc(userId)}`);

export const fetchInvitations = (id: string, signal?: AbortSignal) =>
  http.get<{ items: InvitationDto[] }>(`/workspaces/${enc(id)}/invitations`, { signal });
export const createInvitation = (id: string, input: CreateInvitationInput) =>
  http.post<CreatedInvitationDto>(`/workspaces/${enc(id)}/invitations`, input);
export const revokeInvitation = (id: string, invitationId: string) =>
  http.delete(`/workspaces/${enc(id)}/invitations/${enc(invitationId)}`);
