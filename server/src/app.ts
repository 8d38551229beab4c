import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { DestinationStream, Logger } from 'pino';
import { AppModule, type Infrastructure } from './app.module.js';
import { createRootLogger, PinoLoggerService, requestLogger } from './common/logging/logger.js';
import { setUpOpenApi } from './common/openapi.js';
import { SocketAdapter } from './realtime/socket-adapter.js';

/** Every HTTP route is under `/api`. */
export const API_PREFIX = 'api';

export interface AppOptions {
  /** The built client to serve at `/`; omitted in API-only tests. */
  clientDir?: string;
  /** Where log lines go instead of stdout: tests that check what the server writes. */
  logDestination?: DestinationStream;
}

/** Builds the configured application without listening, so tests and the server start the same thing. */
export async function createApp(infrastructure: Infrastructure, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const { config } = infrastructure;
  const logger = createRootLogger(config.logLevel, options.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Behind the load balancer the client address comes from X-Forwarded-For (one hop).
    trustProxy: config.env === 'production' ? (_address: string, hop: number) => hop < 1 : false,
    bodyLimit: 1_048_576,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(infrastructure), adapter, {
    logger: new PinoLoggerService(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestLogger.run(request.log as Logger, done);
  });

  // Helmet's headers, its middlewares built once: @fastify/helmet rebuilt it on every request.
  const contentSecurityPolicy = {
    directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'],
      // A single-machine hub is often reached over plain HTTP on a LAN address; don't force HTTPS sub-requests.
      'upgrade-insecure-requests': null,
    },
  };
  const withHsts = helmet({ contentSecurityPolicy });
  // HSTS over plain HTTP (a LAN hub, a developer's machine) would pin the name to HTTPS that isn't there.
  const withoutHsts = helmet({ contentSecurityPolicy, strictTransportSecurity: false });
  fastify.addHook('onRequest', (request, reply, done) => {
    const securityHeaders = config.env === 'production' || request.protocol === 'https' ? withHsts : withoutHsts;
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  await app.register(fastifyCookie as never);
  // Evidence uploads: one file a request, its size limit enforced while it streams (busboy stops at the limit).
  await app.register(fastifyMultipart as never, { limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 10, parts: 11 } });
  // Boards of thousands of cards are mostly repeated keys: gzip/brotli shrink them several times over.
  await app.register(fastifyCompress as never, { threshold: 1024 });
  // Only a configured origin gets CORS headers at all, credentials included; any other gets none.
  const corsOrigins = new Set(config.corsOrigins);
  app.enableCors({
    origin: (origin: string | undefined, callback: (error: Error | null, allow: string | false) => void) =>
      callback(null, origin !== undefined && corsOrigins.has(origin) ? origin : false),
    credentials: true,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useWebSocketAdapter(new SocketAdapter(app, config));
  setUpOpenApi(app);
  if (options.clientDir && existsSync(join(options.clientDir, 'index.html'))) serveClient(fastify, options.clientDir);
  await app.init();
  return app;
}

/** The built client at `/`; any other non-API path answers index.html so client-side routes survive a reload. */
function serveClient(fastify: FastifyInstance, root: string): void {
  void fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    // The client build writes each file beside its brotli and gzip versions: sent as they are, at the
    // strongest compression and without compressing them again on every request.
    preCompressed: true,
    // Files under assets/ are named by their content's hash, so they never change: kept for a year. The page
    // itself (and the icon) is checked again on every visit, so a new release is seen at once.
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(join(root, 'assets', '/')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({ statusCode: 404, code: 'NOT_FOUND', message: 'Route not found', requestId: request.id });
    }
    return reply.sendFile('index.html');
  });
}
