import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';

/** The logger of the request being served, so every line a service writes carries its request id. */
export const requestLogger = new AsyncLocalStorage<Pino>();

/** Paths in URLs that carry secrets (invitation tokens) are masked before a URL is logged. */
export function maskUrl(url: string): string {
  return url.replace(/(\/invitations\/)[^/?#]+/g, '$1[token]').replace(/([?&](?:token|code)=)[^&#]+/g, '$1[redacted]');
}

/** Logs go to stdout, or to `destination` (a test reading every line the server writes). */
export function createRootLogger(level: string, destination?: DestinationStream): Pino {
  return pino(
    {
      level,
      base: { service: 'enlace' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.accessToken', '*.refreshToken'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskUrl(req.url), ip: req.ip }),
      },
    },
    destination,
  );
}

/** Nest's own start-up chatter (one line per module and per route) is debug detail, not news. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestFactory']);

/** Nest's LoggerService over pino: the class name as `context`, the request id from the request being served. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, context?: string) {
    this.write(context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest.findLast((part) => typeof part === 'string') as string | undefined);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, context?: string) {
    const logger = requestLogger.getStore() ?? this.root;
    if (typeof message === 'object' && message !== null) logger[level]({ context, ...message });
    else logger[level]({ context }, String(message));
  }
}
