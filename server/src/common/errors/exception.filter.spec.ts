import { jest } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { AllExceptionsFilter } from './exception.filter.js';

/** Runs the filter on one exception and returns what it would send. */
function answer(exception: unknown) {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  it('writes an AppError with its code, status and the request id', () => {
    const sent = answer(new AppError('VERSION_CONFLICT', 'stale', { current: { version: 3 } }));
    expect(sent.status).toBe(409);
    expect(sent.body).toEqual({ statusCode: 409, code: 'VERSION_CONFLICT', message: 'stale', details: { current: { version: 3 } }, requestId: 'req-1' });
  });

  it.each([
    ['a pool that cannot get a connection', new Error('timeout exceeded when trying to connect')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['PostgreSQL shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a connection broken mid-write', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['a client whose connection already failed', new Error('Client has encountered a connection error and is not queryable')],
    ['a unit of work released after its connection died', new Error('Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.')],
  ])('answers 503 UNAVAILABLE with Retry-After for %s', (_case, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.body?.code).toBe('UNAVAILABLE');
    expect(sent.headers['Retry-After']).toBe('2');
  });

  /** What pg rejects a query with: a DatabaseError carrying the SQLSTATE as `code`. */
  const pgError = (code: string, message: string) => Object.assign(new DatabaseError(message, 100, 'error'), { code });

  it.each([
    ['NUL in text (pg)', pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00')],
    ['NUL in jsonb, wrapped by TypeORM', new QueryFailedError('INSERT …', [], pgError('22P05', 'unsupported Unicode escape sequence'))],
    ['an impossible date, wrapped by TypeORM', new QueryFailedError('UPDATE …', [], pgError('22008', 'date/time field value out of range: "2026-02-31"'))],
    ['a malformed date (pg)', pgError('22007', 'invalid input syntax for type date: "9999-99-99"')],
  ])('answers 400 VALIDATION_FAILED without the database message for %s', (_case, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'The request holds a value that cannot be stored', requestId: 'req-1' });
  });

  it('logs the SQLSTATE of a refused value, never the database message that may quote it', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      answer(pgError('22007', 'invalid input syntax for type date: "secret-value"'));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toEqual({ sqlState: '22007', requestId: 'req-1' });
      expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-value');
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('42601', 'syntax error at or near "SELEC"'))],
  ])('keeps other database errors at 500 INTERNAL: %s', (_case, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(500);
    expect(sent.body?.code).toBe('INTERNAL');
  });

  it('hides the details of an unexpected error behind 500 INTERNAL', () => {
    const sent = answer(new Error('secret internals'));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'Internal server error', requestId: 'req-1' });
  });

  it('logs an unexpected database error without the values its query carried', () => {
    const logged: unknown[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((entry: unknown) => void logged.push(entry));
    try {
      answer(new QueryFailedError('UPDATE cases SET alias = $1', ['MARKER-alias-value'], new Error('something broke')));
    } finally {
      spy.mockRestore();
    }
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged)).toContain('something broke');
    expect(JSON.stringify(logged)).not.toContain('MARKER-alias-value');
  });
});
