import { ApiRequestError } from '../../api/api-error';

/**
 * Why the server refused a new password, when it says: `common` (on the list of common passwords) or
 * `wrongCurrent` (changing it, the current one was wrong); undefined for anything else.
 */
export function passwordProblem(error: unknown): 'common' | 'wrongCurrent' | 'expiredLink' | undefined {
  if (!(error instanceof ApiRequestError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return undefined;
  const codes = (error.details as Array<{ code?: unknown }>).map((detail) => detail.code);
  if (codes.includes('common_password')) return 'common';
  if (codes.includes('wrong_password')) return 'wrongCurrent';
  if (codes.includes('invalid_token')) return 'expiredLink';
  return undefined;
}
