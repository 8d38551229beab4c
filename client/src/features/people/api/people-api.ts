import type { CreateUserInput, UpdateUserInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

/** Keyed by user like every cached read, so nothing is served to the next person at this machine. */
export const peopleKeys = {
  inOrganization: (userId: string, organizationId: string) => ['people', userId, organizationId] as const,
};

const PAGE_SIZE = 50;

export const fetchOrganizationUsers = (organizationId: string, cursor: string | undefined, signal?: AbortSignal) =>
  data(api.GET('/api/organizations/{id}/users', { params: { path: { id: organizationId }, query: { limit: PAGE_SIZE, cursor } }, signal }));

export const createUser = (organizationId: string, input: CreateUserInput) =>
  data(api.POST('/api/organizations/{id}/users', { params: { path: { id: organizationId } }, body: input }));
export const updateUser = (id: string, input: UpdateUserInput) => data(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: input }));

/** E-mails the person a single-use link to choose a new password. */
export const sendPasswordReset = (organizationId: string, userId: string) =>
  data(api.POST('/api/organizations/{id}/users/{userId}/password-reset', { params: { path: { id: organizationId, userId } } }));
