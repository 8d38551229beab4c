import i18next from 'i18next';
import createClient from 'openapi-fetch';
import { NetworkError, toApiRequestError } from './api-error';
import type { paths } from './schema';

/**
 * An HTTP API client typed from the server's OpenAPI document (`schema.d.ts`, `npm run generate:api`):
 * a path, parameter, body or answer the server changes breaks the client's type check. `fetch` must
 * reject on an error response (see `rejectErrors`), so openapi-fetch only ever resolves successes.
 */
export const createApi = (fetch: (request: Request) => Promise<Response>) => createClient<paths>({ credentials: 'same-origin', fetch });

/** The API without the bearer token: sign-in, the refresh cookie and the invitation link, where a 401 means what it says. */
export const publicApi = createApi(async (request) => rejectErrors(await send(request, null)));

/**
 * The body of a call's success: its errors were thrown already. Undefined for 204 and for a 202 that only
 * says "accepted" (a password-reset e-mail): openapi-fetch reads an empty body as no data rather than as JSON.
 */
export async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

/** Sends one request; rejects with `NetworkError` when there was no response. */
export async function send(request: Request, token: string | null): Promise<Response> {
  request.headers.set('Accept', 'application/json');
  // What the server names for the user (a new board's columns) follows the language the interface shows.
  const language = i18next.resolvedLanguage ?? i18next.language;
  if (language) request.headers.set('Accept-Language', language);
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(request);
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw new NetworkError(error);
  }
}

/** An error response becomes an `ApiRequestError` with its stable code. */
export async function rejectErrors(response: Response): Promise<Response> {
  if (!response.ok) throw await toApiRequestError(response);
  return response;
}
