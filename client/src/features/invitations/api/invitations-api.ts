import type { AcceptedInvitationDto, AcceptInvitationInput, InvitationPreviewDto, MeDto } from '@enlace/shared';
import { NetworkError, toApiRequestError } from '../../../api/api-error';
import { http } from '../../../api/http';

const path = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export const invitationKey = (token: string) => ['invitation', token] as const;

export const fetchInvitationPreview = (token: string, signal?: AbortSignal) =>
  http.get<InvitationPreviewDto>(path(token), { signal, auth: false });

/** Signed in: accept as the current user. */
export const acceptInvitation = (token: string) => http.post<AcceptedInvitationDto>(`${path(token)}/accept`, {});

/** Not signed in, no account yet: the server creates it and answers with an access token. */
export const acceptWithNewAccount = (token: string, input: Required<AcceptInvitationInput>) =>
  http.post<AcceptedInvitationDto>(`${path(token)}/accept`, input, { auth: false });

export const declineInvitation = (token: string, signedIn: boolean) =>
  http.post<void>(`${path(token)}/decline`, {}, { auth: signedIn });

/** Reads the new account with the token the accept call returned, to start the session like a login does. */
export async function fetchMeWithToken(accessToken: string): Promise<MeDto> {
  let response: Response;
  try {
    response = await fetch('/api/me', { headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` }, credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw await toApiRequestError(response);
  return (await response.json()) as MeDto;
}
