import { api, data } from '../../../api/http';

/** Keyed by user: one person's start page is never served to the next person at this machine. */
export const homeKeys = {
  all: (userId: string) => ['home', userId] as const,
  workspaces: (userId: string) => ['home', userId, 'workspaces'] as const,
  invitations: (userId: string) => ['home', userId, 'invitations'] as const,
  cards: (userId: string) => ['home', userId, 'cards'] as const,
};

export const fetchAssignedCards = (signal?: AbortSignal) => data(api.GET('/api/me/cards', { signal }));

/** The start page shows the active workspaces most recently active first; archived ones are on the workspaces page. */
export const fetchRecentWorkspaces = (signal?: AbortSignal) =>
  data(api.GET('/api/me/workspaces', { params: { query: { status: 'active', limit: 20 } }, signal }));

export const fetchMyInvitations = (signal?: AbortSignal) => data(api.GET('/api/me/invitations', { signal }));

/** `organizationId`: the organisation a person without one says they belong to (its admins confirm). */
export const acceptMyInvitation = (id: string, organizationId?: string) =>
  data(api.POST('/api/me/invitations/{id}/accept', { params: { path: { id } }, body: organizationId ? { organizationId } : {} }));

export const declineMyInvitation = (id: string) => data(api.POST('/api/me/invitations/{id}/decline', { params: { path: { id } } }));
