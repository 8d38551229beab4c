import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliveredEvent, Page } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { EventsQueryDto } from './events.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('workspaces/:id')
export class EventsController {
  constructor(private readonly service: EventsService) {}

  @Get('events')
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: EventsQueryDto): Promise<Page<DeliveredEvent>> {
    return this.service.list(auth, id, query.after, query.limit);
  }
}
