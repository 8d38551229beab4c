import type { ErrorCode } from '@enlace/shared';

/** The one exception type services throw; the global filter turns its code into a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new AppError('FORBIDDEN', message);

/** A write carried a stale `version`: 409 with the entity's current state, so the client can show both and merge. */
export const versionConflict = (what: string, current: unknown) =>
  new AppError('VERSION_CONFLICT', `Someone else changed this ${what}; review the latest version`, { current });
