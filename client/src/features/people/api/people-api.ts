import type { CreateUserInput, Page, UpdateUserInput, UserDto } from '@enlace/shared';
import { http } from '../../../api/http';

/** Keyed by user like every cached read, so nothing is served to the next person at this machine. */
export const peopleKeys = {
  inOrganization: (userId: string, organizationId: string) => ['people', userId, organizationId] as const,
};

const PAGE_SIZE = 50;
const enc = encodeURIComponent;

export function fetchOrganizationUsers(organizationId: string, cursor: string | undefined, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return http.get<Page<UserDto>>(`/organizations/${enc(organizationId)}/users?${params.toString()}`, { signal });
}

export const createUser = (organizationId: string, input: CreateUserInput) => http.post<UserDto>(`/organizations/${enc(organizationId)}/users`, input);
export const updateUser = (id: string, input: UpdateUserInput) => http.patch<UserDto>(`/users/${enc(id)}`, input);
