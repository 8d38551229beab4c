import type { LoginResponseDto, UserDto } from '@enlace/shared';

/**
 * Who is signed in. The access token lives only in this module's memory (never in storage, where
 * any injected script could read it); a reload restores it from the httpOnly refresh cookie.
 */
export type Session =
  | { status: 'restoring' }
  /** `mustEnrolTwoFactor`: the server refuses everything but the account page until a second factor is set up. */
  | { status: 'signed-in'; user: UserDto; mustEnrolTwoFactor: boolean }
  /** `expired`: the server ended the session while the user was working (not an explicit sign-out). */
  | { status: 'signed-out'; reason?: 'expired' };

type Listener = (session: Session) => void;

let session: Session = { status: 'restoring' };
let accessToken: string | null = null;
const listeners = new Set<Listener>();

// Signing out in one tab signs out every tab: their access tokens would otherwise live on.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('enlace-session');
channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.data === 'signed-out') setSession({ status: 'signed-out' }, null);
});

function setSession(next: Session, token: string | null): void {
  session = next;
  accessToken = token;
  for (const listener of listeners) listener(session);
}

export const getSession = (): Session => session;
export const getAccessToken = (): string | null => accessToken;

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession({ accessToken: token, user, mustEnrolTwoFactor }: LoginResponseDto): void {
  setSignedInHint(true);
  setSession({ status: 'signed-in', user, mustEnrolTwoFactor }, token);
}

/** The account just set up its second factor: the rest of the app opens, the session goes on. */
export function twoFactorEnrolled(): void {
  if (session.status === 'signed-in') setSession({ ...session, mustEnrolTwoFactor: false }, accessToken);
}

/** Forgets the session locally; `broadcast` tells the other tabs too (an explicit sign-out). */
export function endSession({ broadcast = false, expired = false } = {}): void {
  setSignedInHint(false);
  setSession(expired ? { status: 'signed-out', reason: 'expired' } : { status: 'signed-out' }, null);
  if (broadcast) channel?.postMessage('signed-out');
}

/**
 * Whether this browser may hold a refresh cookie (the cookie itself is httpOnly, out of the page's reach):
 * a first visit then shows the login page without asking the server, which would answer 401. Where storage
 * is unavailable the answer is yes, and the server decides.
 */
const SIGNED_IN_HINT = 'enlace.signedIn';

export function maybeSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) !== null;
  } catch {
    return true;
  }
}

function setSignedInHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage disabled: maybeSignedIn() answers yes.
  }
}
