import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { WorkspaceEvent } from '@enlace/shared';
import type { Redis } from 'ioredis';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { createRedisClient } from '../common/redis/redis.js';
import { EventBus } from '../events/event-bus.js';
import { EventFanout } from './event-fanout.js';

/**
 * Carries committed events from the process that wrote them to every process's fan-out: through a Redis
 * channel when REDIS_URL is set, in memory otherwise. A lost message is recovered from the log by the fan-out.
 */
@Injectable()
export class EventRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EventRelay.name);
  private readonly clients: Redis[] = [];
  private unsubscribe?: () => void;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly bus: EventBus,
    private readonly fanout: EventFanout,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) {
      this.unsubscribe = this.bus.subscribe((events) => this.fanout.receive(events));
      return;
    }
    const channel = `${this.config.redisPrefix}workspace-events`;
    const pub = createRedisClient(this.config.redisUrl, 'events-pub');
    const sub = createRedisClient(this.config.redisUrl, 'events-sub');
    this.clients.push(pub, sub);
    sub.on('message', (_channel: string, message: string) => this.fanout.receive(JSON.parse(message) as WorkspaceEvent[]));
    await sub.subscribe(channel).catch((error: Error) => this.logger.warn(`Subscribe failed, will retry on reconnect: ${error.message}`));
    this.unsubscribe = this.bus.subscribe((events) => {
      pub.publish(channel, JSON.stringify(events)).catch((error: Error) => {
        // Still delivered here at once; other processes recover it from the log within seconds.
        this.logger.warn(`Event broadcast through Redis failed: ${error.message}`);
        this.fanout.receive(events);
      });
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const client of this.clients) client.disconnect();
  }
}
