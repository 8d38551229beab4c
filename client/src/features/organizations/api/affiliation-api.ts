import type { UpdateOrganizationInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

export const affiliationKeys = {
  joinRequests: (userId: string, organizationId: string) => ['organizations', userId, 'join-requests', organizationId] as const,
};

const org = (id: string) => ({ params: { path: { id } } });
const request = (id: string, requestId: string) => ({ params: { path: { id, requestId } } });

export const fetchJoinRequests = (organizationId: string, signal?: AbortSignal) =>
  data(api.GET('/api/organizations/{id}/join-requests', { ...org(organizationId), signal }));
export const approveJoinRequest = (organizationId: string, requestId: string) =>
  data(api.POST('/api/organizations/{id}/join-requests/{requestId}/approve', request(organizationId, requestId)));
export const rejectJoinRequest = (organizationId: string, requestId: string) =>
  data(api.POST('/api/organizations/{id}/join-requests/{requestId}/reject', request(organizationId, requestId)));

export const updateOrganization = (organizationId: string, input: UpdateOrganizationInput) =>
  data(api.PATCH('/api/organizations/{id}', { ...org(organizationId), body: input }));

/** For a person without an organisation: ask one of the directory to confirm them. */
export const requestOrganization = (organizationId: string) => data(api.POST('/api/me/organization-request', { body: { organizationId } }));
