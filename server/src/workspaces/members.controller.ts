import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MemberDto, Page } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { UpdateMemberDto } from './workspaces.dto.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('workspaces/:id/members')
export class MembersController {
  constructor(private readonly service: WorkspacesService) {}

  @Get()
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<MemberDto>> {
    return this.service.members(auth, id);
  }

  @Patch(':userId')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('userId') userId: string, @Body() dto: UpdateMemberDto): Promise<MemberDto> {
    return this.service.updateMember(auth, id, userId, dto);
  }

  @Delete(':userId')
  @HttpCode(204)
  remove(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
    return this.service.removeMember(auth, id, userId);
  }
}
