import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/public.decorator.js';
import { HealthService, type Health } from './health.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  /** 200 when ready to serve, 503 while the database (or configured Redis) is unreachable. */
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const health = await this.service.check();
    void reply.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
