import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { MAX_SOCKET_MESSAGE_BYTES } from '@enlace/shared';
import type { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { Config } from '../common/config/config.js';
import { createRedisClient } from '../common/redis/redis.js';

/**
 * socket.io at /socket.io on the HTTP server: browser origins checked before the handshake, small
 * messages only, and with REDIS_URL the Redis adapter so rooms and presence span every server process.
 */
export class SocketAdapter extends IoAdapter {
  private readonly redisClients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: Config,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...(options as ServerOptions),
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      allowRequest: (request, callback) => callback(null, this.originAllowed(request)),
      // Never `connectionStateRecovery`: it would restore rooms without re-checking access.
    }) as Server;
    if (this.config.redisUrl) {
      const pub = unawaitedCallsLogged(createRedisClient(this.config.redisUrl, 'socket.io-pub'));
      const sub = unawaitedCallsLogged(createRedisClient(this.config.redisUrl, 'socket.io-sub'));
      this.redisClients.push(pub, sub);
      server.adapter(createAdapter(pub, sub, { key: `${this.config.redisPrefix}socket.io` }));
    }
    return server;
  }

  /**
   * Ends this process's sockets, not the HTTP server: socket.io's own close() also closes the server it
   * shares with Fastify and waits for every keep-alive connection to end, which under steady traffic never
   * happens (a SIGTERMed process then hung). Fastify closes the server right after, answering requests
   * that still arrive on open connections with 503. `local`: the other processes keep their sockets.
   */
  override async close(server: Server): Promise<void> {
    server.local.disconnectSockets(true);
    await server.of('/').adapter.close();
    server.engine.close();
    for (const client of this.redisClients) client.disconnect();
  }

  /** Browsers send Origin: only the hub's own pages (or configured origins) may open a socket. */
  private originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return true; // not a browser: the token in the handshake still decides
    const allowed = new Set([new URL(this.config.publicUrl).origin, ...this.config.corsOrigins]);
    const host = request.headers.host;
    return allowed.has(origin) || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
  }
}

const logger = new Logger('SocketAdapter');

/**
 * The Redis adapter publishes, and unsubscribes when closing, without awaiting the result: during a Redis
 * outage, or at shutdown, the rejection would go unhandled and end the process. What such a message
 * carried is not lost for good: events come back from the log (head checks), presence with the next join
 * or leave.
 */
function unawaitedCallsLogged(client: Redis): Redis {
  for (const command of ['publish', 'unsubscribe', 'punsubscribe'] as const) {
    const call = (client[command] as (...args: unknown[]) => Promise<unknown>).bind(client);
    Object.assign(client, {
      [command]: (...args: unknown[]) =>
        call(...args).catch((error: Error) => {
          logger.warn(`socket.io Redis ${command} failed: ${error.message}`);
          return 0;
        }),
    });
  }
  return client;
}
