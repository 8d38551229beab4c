import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import { createApp, type AppOptions } from './app.js';
import type { Config } from './common/config/config.js';
import { openDatabase } from './common/database/database.js';
import { createRedisClient } from './common/redis/redis.js';
import { ENTITIES } from './domains.js';

export interface RunningServer {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Opens the database (embedded or not) and Redis, builds the app and listens. */
export async function startServer(config: Config, options: AppOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(config, ENTITIES);
  let redis: Redis | undefined;
  try {
    redis = config.redisUrl ? createRedisClient(config.redisUrl, 'main', config.redisPrefix) : undefined;
    const app = await createApp({ config, dataSource: database.dataSource, redis }, options);
    await app.listen({ port: config.port, host: config.host });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      url: `http://127.0.0.1:${port}`,
      async close() {
        await app.close();
        redis?.disconnect();
        await database.close();
      },
    };
  } catch (error) {
    redis?.disconnect();
    await database.close();
    throw error;
  }
}
