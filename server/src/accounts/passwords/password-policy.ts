import { AppError } from '../../common/errors/app-error.js';
import { COMMON_PASSWORDS_LIST } from './common-passwords.js';

const COMMON = new Set(COMMON_PASSWORDS_LIST.split('\n').filter((line) => line.length > 0));

/**
 * Refuses a password that is on the list of the most common ones (case aside), wherever a password is set:
 * the length rule alone lets `qwertyuiop12` through, and guessing attacks try exactly these first.
 * `field` names the request field, for the client to show the message beside it.
 */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (COMMON.has(password.toLowerCase())) {
    const message = 'This password is one of the most commonly used; choose another';
    throw new AppError('VALIDATION_FAILED', message, [{ path: field, message, code: 'common_password' }]);
  }
}
