import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type MeDto, MeSchema } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('accounts')
@Controller('me')
export class MeController {
  constructor(private readonly service: AccountsService) {}

  @ApiEndpoint({ id: 'getMe', summary: 'The signed-in user, their organisation and their workspace memberships', response: MeSchema })
  @Get()
  me(@CurrentUser() auth: AuthUser): Promise<MeDto> {
    return this.service.me(auth);
  }
}
