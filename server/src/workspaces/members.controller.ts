import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type MemberDto, MemberPageSchema, MemberSchema, type Page } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { UpdateMemberDto } from './workspaces.dto.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@Controller('workspaces/:id/members')
export class MembersController {
  constructor(private readonly service: WorkspacesService) {}

  @ApiEndpoint({ id: 'listMembers', summary: 'The members of a workspace', response: MemberPageSchema, errors: ['FORBIDDEN'] })
  @Get()
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<MemberDto>> {
    return this.service.members(auth, id);
  }

  @ApiEndpoint({ id: 'updateMember', summary: 'Change a member’s role or sensitive-data access', response: MemberSchema, errors: ['FORBIDDEN', 'LAST_OWNER', 'WORKSPACE_ARCHIVED'] })
  @Patch(':userId')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('userId') userId: string, @Body() dto: UpdateMemberDto): Promise<MemberDto> {
    return this.service.updateMember(auth, id, userId, dto);
  }

  @ApiEndpoint({ id: 'removeMember', summary: 'Remove a member from a workspace (or leave it)', errors: ['FORBIDDEN', 'LAST_OWNER', 'WORKSPACE_ARCHIVED'] })
  @Delete(':userId')
  @HttpCode(204)
  remove(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
    return this.service.removeMember(auth, id, userId);
  }
}
