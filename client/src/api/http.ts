import i18next from 'i18next';
import { NetworkError, toApiRequestError } from './api-error';
import { refreshSession } from './refresh';
import { endSession, getAccessToken } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Send the bearer token and recover from a 401 by refreshing once; default true. */
  auth?: boolean;
}

/**
 * Calls `/api{path}` and resolves with the JSON body (undefined for 204). Rejects with
 * `ApiRequestError` for an error response and `NetworkError` when there was no response.
 * A 401 on an authenticated call triggers one refresh and one retry; if that fails too the
 * session ends, which sends the user to the login page.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true;
  const token = auth ? getAccessToken() : null;
  let response = await send(path, options, token);

  if (auth && response.status === 401) {
    const current = getAccessToken();
    // Another call may already have refreshed while this one was in flight.
    const fresh = current && current !== token ? current : (await refreshSession())?.accessToken;
    if (fresh) response = await send(path, options, fresh);
    if (response.status === 401) endSession({ expired: true });
  }

  if (!response.ok) throw await toApiRequestError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const http = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'DELETE' }),
};

async function send(path: string, { method = 'GET', body, signal }: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Fastify refuses an empty body declared as JSON, so the header goes only with a body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  // What the server names for the user (a new board's columns) follows the language the interface shows.
  const language = i18next.resolvedLanguage ?? i18next.language;
  if (language) headers['Accept-Language'] = language;
  try {
    return await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
}
