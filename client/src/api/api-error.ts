import { ERROR_CODES, type ApiError, type ErrorCode } from '@enlace/shared';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** An error response from the API, `{statusCode, code, message, details?}`, thrown by `http`. */
export class ApiRequestError extends Error {
  readonly statusCode: number;
  /** Undefined when the server answered something other than an Enlace error (a proxy page, say). */
  readonly code: ErrorCode | undefined;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** From the Retry-After header of a 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(error: Partial<ApiError> & { statusCode: number }, retryAfterSeconds?: number) {
    super(error.message ?? `Request failed with status ${error.statusCode}`);
    this.name = 'ApiRequestError';
    this.statusCode = error.statusCode;
    this.code = error.code;
    this.details = error.details;
    this.requestId = error.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request never got an answer: offline, DNS, server down. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

export async function toApiRequestError(response: Response): Promise<ApiRequestError> {
  const body: unknown = await response.json().catch(() => undefined);
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiRequestError(readApiError(response.status, body), Number.isFinite(retryAfter) ? retryAfter : undefined);
}

function readApiError(statusCode: number, body: unknown): Partial<ApiError> & { statusCode: number } {
  if (typeof body !== 'object' || body === null) return { statusCode };
  const fields = body as Record<string, unknown>;
  return {
    statusCode,
    code: typeof fields.code === 'string' && KNOWN_CODES.has(fields.code) ? (fields.code as ErrorCode) : undefined,
    message: typeof fields.message === 'string' ? fields.message : undefined,
    details: fields.details,
    requestId: typeof fields.requestId === 'string' ? fields.requestId : undefined,
  };
}
