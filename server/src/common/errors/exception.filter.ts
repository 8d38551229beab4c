import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@enlace/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { httpStatusOf } from './http-status.js';

/** Writes every error as `{statusCode, code, message, details?, requestId}`; internals never leak. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toApiError(exception);
    body.requestId = String(request.id);
    if (body.statusCode >= 500) {
      this.logger.error({ err: loggable(exception), requestId: request.id }, 'Unhandled error');
    } else if (isDataException(exception)) {
      // A gap in the request schemas: worth fixing there. Only the SQLSTATE: the message may quote the value.
      this.logger.warn({ sqlState: exception.code, requestId: request.id }, 'PostgreSQL refused a value the request schema let through');
    }
    if (body.code === 'UNAVAILABLE') void reply.header('Retry-After', '2');
    if (exception instanceof AppError && exception.code === 'RATE_LIMITED') {
      const retryAfter = (exception.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    }
    void reply.status(body.statusCode).send(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof AppError) {
      const error: ApiError = { statusCode: httpStatusOf(exception.code), code: exception.code, message: exception.message };
      if (exception.details !== undefined) error.details = exception.details;
      return error;
    }
    if (exception instanceof HttpException) {
      return { statusCode: exception.getStatus(), code: codeForStatus(exception.getStatus()), message: exception.message };
    }
    if (isFastifyClientError(exception)) {
      // Malformed JSON, wrong content type, body too large: the request never reached a handler.
      return { statusCode: exception.statusCode, code: codeForStatus(exception.statusCode), message: exception.message };
    }
    if (isDataException(exception)) {
      // Second line of defence behind the request schemas: the value is the request's fault, not the server's.
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'The request holds a value that cannot be stored' };
    }
    if (isDatabaseUnavailable(exception)) {
      // PostgreSQL restarting or every connection busy: a retry will do, so say 503, not 500.
      return { statusCode: 503, code: 'UNAVAILABLE', message: 'The service is briefly unavailable; try again' };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' };
  }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

function isFastifyClientError(error: unknown): error is { statusCode: number; message: string } {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * PostgreSQL's class 22, data exception: a value it cannot take (22021 NUL or bad UTF-8, 22P05 untranslatable
 * character, 22007/22008 impossible date, 22003 number out of range…). pg's errors and TypeORM's
 * QueryFailedError, which copies the driver error's fields, both carry the SQLSTATE as `code`.
 */
function isDataException(error: unknown): error is { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

/**
 * A lost or refused database connection (the fault suite kills them mid-request): the request may be retried.
 * TypeORM's "already released" comes from the same fault: a unit of work whose connection died is released
 * while a statement of it is still to run.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    /timeout exceeded when trying to connect|Connection terminated|is not queryable|Client was closed|query runner was already released/i.test(message ?? '')
  );
}

/**
 * What of an unexpected error goes into the log: its kind, message, code and stack, never the values a
 * failed query carried (TypeORM's QueryFailedError holds its parameters, which may be anyone's data).
 */
function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code } = error as { code?: unknown };
  return { type: error.constructor.name, message: error.message, ...(code !== undefined && { code }), stack: error.stack };
}
