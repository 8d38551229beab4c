import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AssignedCardPageSchema, type AssignedCardDto, type Page } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { AssignedCardsService } from './assigned-cards.service.js';

@ApiTags('boards')
@Controller('me/cards')
export class AssignedCardsController {
  constructor(private readonly service: AssignedCardsService) {}

  @ApiEndpoint({
    id: 'listMyCards',
    summary: 'The open cards assigned to the caller in their active workspaces, the soonest due first (at most 50)',
    response: AssignedCardPageSchema,
  })
  @Get()
  list(@CurrentUser() auth: AuthUser): Promise<Page<AssignedCardDto>> {
    return this.service.list(auth);
  }
}
