import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthSchema, type HealthDto } from '@enlace/shared';
import type { FastifyReply } from 'fastify';
import { ApiEndpoint } from '../common/api-endpoint.js';
import { Public } from '../common/auth/public.decorator.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  /** 200 when ready to serve, 503 while the database (or configured Redis) is unreachable. */
  @ApiEndpoint({ id: 'getHealth', summary: 'Whether the server is ready to serve', response: HealthSchema, alternative: { status: 503, description: 'The database (or the configured Redis) is unreachable', response: HealthSchema } })
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const health = await this.service.check();
    void reply.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
