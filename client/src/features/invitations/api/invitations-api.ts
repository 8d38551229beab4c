import type { AcceptInvitationInput } from '@enlace/shared';
import { api, data, publicApi } from '../../../api/http';

const token = (value: string) => ({ params: { path: { token: value } } });

export const invitationKey = (token: string) => ['invitation', token] as const;

export const fetchInvitationPreview = (value: string, signal?: AbortSignal) => data(publicApi.GET('/api/invitations/{token}', { ...token(value), signal }));

/** Signed in: accept as the current user (asking `organizationId` to confirm them, when they have no organisation). */
export const acceptInvitation = (value: string, organizationId?: string) =>
  data(api.POST('/api/invitations/{token}/accept', { ...token(value), body: organizationId ? { organizationId } : {} }));

/** Not signed in, no account yet: the server creates it and answers with an access token. */
export const acceptWithNewAccount = (value: string, input: AcceptInvitationInput & { displayName: string; password: string }) =>
  data(publicApi.POST('/api/invitations/{token}/accept', { ...token(value), body: input }));

export const declineInvitation = (value: string, signedIn: boolean) =>
  data((signedIn ? api : publicApi).POST('/api/invitations/{token}/decline', token(value)));

/** Reads the new account with the token the accept call returned, to start the session like a login does. */
export const fetchMeWithToken = (accessToken: string) =>
  data(publicApi.GET('/api/me', { headers: { Authorization: `Bearer ${accessToken}` } }));
