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
    const publish = this.config.redisUrl ? await this.connect(this.config.redisUrl) : undefined;
    this.unsubscribe = this.bus.subscribe((events) => {
      // Publish first (it only queues a write), so the other processes broadcast while this one does;
      // this process's sockets get the events at once, without waiting for Redis, and the copy that
      // comes back through the channel is ignored by the fan-out (already delivered).
      publish?.(events);
      this.fanout.receive(events);
    });
  }

  /** Subscribes to the channel; returns how to publish to the other processes. */
  private async connect(redisUrl: string): Promise<(events: WorkspaceEvent[]) => void> {
    const channel = `${this.config.redisPrefix}workspace-events`;
    const pub = createRedisClient(redisUrl, 'events-pub');
    const sub = createRedisClient(redisUrl, 'events-sub');
    this.clients.push(pub, sub);
    sub.on('message', (_channel: string, message: string) => this.fanout.receive(JSON.parse(message) as WorkspaceEvent[]));
    await sub.subscribe(channel).catch((error: Error) => this.logger.warn(`Subscribe failed, will retry on reconnect: ${error.message}`));
    return (events) =>
      void pub.publish(channel, JSON.stringify(events)).catch((error: Error) => {
        // The other processes recover these events from the log within seconds (the periodic head check).
        this.logger.warn(`Event broadcast through Redis failed: ${error.message}`);
      });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const client of this.clients) client.disconnect();
  }
}
