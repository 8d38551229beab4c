import { z } from 'zod';
import { named } from './api-schema.js';

/**
 * Stable machine codes carried by every error response (`{statusCode, code, message, details?}`).
 * Clients translate them; never rename one that has shipped.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'ILLEGAL_TRANSITION',
  'RATE_LIMITED',
  'EMAIL_TAKEN',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'INVITATION_EXPIRED',
  'INVITATION_EMAIL_MISMATCH',
  'LAST_OWNER',
  'WORKSPACE_ARCHIVED',
  'WIP_LIMIT_REACHED',
  'COLUMN_NOT_EMPTY',
  'LAST_COLUMN',
  'CANNOT_DISABLE_SELF',
  'TWO_FACTOR_REQUIRED',
  'REFERENCE_CODE_TAKEN',
  'PARTY_EXISTS',
  'PARTY_HAS_COMMITMENTS',
  'NOT_A_PARTY',
  'TERMS_LOCKED',
  'NOT_SIGNED',
  'SELF_VERIFICATION',
  'MEASUREMENT_FINAL',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'SENSITIVE_FIELD_NOT_ALLOWED',
  'SENSITIVE_ERASED',
  'CONSENT_REQUIRED',
  'REFERRAL_TO_OWN_ORGANIZATION',
  'NOT_IN_ORGANIZATION',
  'INVITATION_EXISTS',
  'DOMAIN_TAKEN',
  'JOIN_REQUEST_DECIDED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorSchema = named(
  'ApiError',
  z.object({
    statusCode: z.number().int(),
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Per code: the invalid fields of VALIDATION_FAILED, the current entity of VERSION_CONFLICT, … */
    details: z.unknown().optional(),
    /** Quote it when reporting a problem: the server's log lines of the request carry it. */
    requestId: z.string().optional(),
  }),
);
export type ApiError = z.infer<typeof ApiErrorSchema>;
