import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type DeliveredEvent, DeliveredEventPageSchema, type Page } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { EventsQueryDto } from './events.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Controller('workspaces/:id')
export class EventsController {
  constructor(private readonly service: EventsService) {}

  @ApiEndpoint({ id: 'listEvents', summary: 'A page of the workspace’s event log after a seq, oldest first', description: 'Each event as the caller may read it: members without the read permission of its type get the envelope with `redacted: true`. `nextCursor` is the last seq of the page.', response: DeliveredEventPageSchema, errors: ['FORBIDDEN'] })
  @Get('events')
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: EventsQueryDto): Promise<Page<DeliveredEvent>> {
    return this.service.list(auth, id, query.after, query.limit);
  }
}
