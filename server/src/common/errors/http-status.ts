import type { ErrorCode } from '@enlace/shared';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'NOT_A_PARTY':
    case 'SENSITIVE_FIELD_NOT_ALLOWED':
    case 'REFERRAL_TO_OWN_ORGANIZATION':
    case 'NOT_IN_ORGANIZATION':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'VERSION_CONFLICT':
    case 'ILLEGAL_TRANSITION':
    case 'EMAIL_TAKEN':
    case 'LAST_OWNER':
    case 'WORKSPACE_ARCHIVED':
    case 'WIP_LIMIT_REACHED':
    case 'COLUMN_NOT_EMPTY':
    case 'LAST_COLUMN':
    case 'CANNOT_DISABLE_SELF':
    case 'REFERENCE_CODE_TAKEN':
    case 'PARTY_EXISTS':
    case 'PARTY_HAS_COMMITMENTS':
    case 'TERMS_LOCKED':
    case 'NOT_SIGNED':
    case 'MEASUREMENT_FINAL':
    case 'INVITATION_EXISTS':
    case 'DOMAIN_TAKEN':
    case 'JOIN_REQUEST_DECIDED':
      return 409;
    case 'SENSITIVE_ERASED':
    case 'INVITATION_USED':
    case 'INVITATION_REVOKED':
    case 'INVITATION_EXPIRED':
      return 410;
    case 'INVITATION_EMAIL_MISMATCH':
    case 'SELF_VERIFICATION':
    case 'TWO_FACTOR_REQUIRED':
      return 403;
    case 'FILE_TOO_LARGE':
      return 413;
    case 'FILE_TYPE_NOT_ALLOWED':
      return 415;
    case 'CONSENT_REQUIRED':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for ${String(unhandled)}`);
    }
  }
}
