import type { AuthUser } from './auth-user.js';
import type { AccessTokenSubject } from './token.service.js';

/** What a request or a socket needs of the account it speaks for. */
export interface AuthenticatedAccount extends AuthUser {
  displayName: string;
  /** Must use a second factor (platform admin, or its organisation requires it) and has none yet. */
  mustEnrolTwoFactor: boolean;
}

/**
 * How authentication finds the account an access token speaks for, without common/ knowing the accounts
 * domain: AccountsModule provides it under ACCOUNT_LOOKUP. Runs on every request and socket handshake.
 */
export interface AccountLookup {
  /** The active account of this token generation whose session is still open, or null. */
  findAuthenticated(subject: AccessTokenSubject): Promise<AuthenticatedAccount | null>;
}

export const ACCOUNT_LOOKUP = Symbol('ACCOUNT_LOOKUP');
