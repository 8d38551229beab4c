import type { LoginResponseDto } from '@enlace/shared';
import { ApiRequestError } from './api-error';
import { data, publicApi } from './transport';
import { endSession, getSession, maybeSignedIn, startSession } from './session';

let inFlight: Promise<LoginResponseDto | null> | null = null;

/**
 * Trades the refresh cookie for a new access token. The server rotates the refresh token and treats
 * a reused one as stolen (it revokes the whole session), so calls never overlap: one request at a
 * time per tab, and across tabs through a Web Lock where the browser offers one (secure contexts).
 * Resolves null when the session is over (401), having ended a signed-in one; throws on any other failure.
 */
export function refreshSession(): Promise<LoginResponseDto | null> {
  inFlight ??= exclusively(requestRefresh).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** On app load: restore the session from the cookie, or settle on signed out. */
export async function restoreSession(): Promise<void> {
  if (!maybeSignedIn()) return endSession();
  try {
    if (!(await refreshSession())) endSession();
  } catch {
    // Server unreachable or failing: the login page will say so when the user tries.
    endSession();
  }
}

async function requestRefresh(): Promise<LoginResponseDto | null> {
  let session: LoginResponseDto;
  try {
    // No body and no Content-Type: the cookie is the whole request.
    session = await data(publicApi.POST('/api/auth/refresh'));
  } catch (error) {
    if (!(error instanceof ApiRequestError && error.statusCode === 401)) throw error;
    // The server ended the session (account disabled, signed out elsewhere): whoever asked (a request, the
    // board's socket reconnecting), a signed-in user now goes to the login page. On app load there is none.
    if (getSession().status === 'signed-in') endSession({ expired: true });
    return null;
  }
  startSession(session);
  return session;
}

// Awaited rather than returned: the DOM's and Node's typings of `locks.request` disagree, and which one wins
// depends on the order TypeScript reads the files in.
async function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request('enlace-session-refresh', task) : task();
}
