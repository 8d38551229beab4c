import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

const ISSUER = 'Enlace';
/** One 30-second step either side: a phone clock a little off still works, an old code does not. */
const TOLERANCE_SECONDS = 30;

/** A new authenticator secret (base32, 160 bits, as authenticator apps expect). */
export const newTotpSecret = (): string => generateSecret();

/** What an authenticator app scans or is given: issuer, the account's e-mail and the secret. */
export const totpUri = (email: string, secret: string): string => generateURI({ issuer: ISSUER, label: email, secret });

/**
 * The time step a six-digit code matched, or undefined. Only steps after `afterStep` count, so a code that
 * already signed someone in is refused for the rest of its window (the caller stores the step it returns).
 */
export async function matchTotp(secret: string, code: string, afterStep: number | null): Promise<number | undefined> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const result = await verify({ secret, token, epochTolerance: TOLERANCE_SECONDS, ...(afterStep !== null && { afterTimeStep: afterStep }) });
  // `verify` also serves HOTP, whose result has no time step; a TOTP one always has.
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** Crockford's base32: no i, l, o or u to confuse; 32 symbols, so a random byte's low five bits pick one evenly. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ten recovery codes like `7h2kq-9xm4p`: 50 random bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = Array.from(randomBytes(10), (byte) => RECOVERY_ALPHABET[byte & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** How a typed recovery code is compared: case, spaces and the dash are the user's. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');
