import { jest } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
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
  ])('answers 503 UNAVAILABLE with Retry-After for %s', (_case, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.body?.code).toBe('UNAVAILABLE');
    expect(sent.headers['Retry-After']).toBe('2');
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
