import { Body, Controller, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type UserDto, UserSchema } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { UpdateUserDto } from './accounts.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('accounts')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @ApiEndpoint({ id: 'updateUser', summary: 'Disable or enable an account (organisation or platform administrators)', response: UserSchema, errors: ['FORBIDDEN', 'CANNOT_DISABLE_SELF'] })
  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.service.update(auth, id, dto);
  }
}
