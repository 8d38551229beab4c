import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

const logger = new Logger('Redis');

/** A client that reconnects forever and never throws from its own events: a Redis restart must not crash us. */
export function createRedisClient(url: string, name: string, keyPrefix?: string): Redis {
  const client = new Redis(url, {
    keyPrefix,
    connectionName: `enlace-${name}`,
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  let healthy = true;
  client.on('error', (error: Error) => {
    if (healthy) logger.warn(`${name}: ${error.message}`);
    healthy = false;
  });
  client.on('ready', () => {
    if (!healthy) logger.log(`${name}: reconnected`);
    healthy = true;
  });
  return client;
}
