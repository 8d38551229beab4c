import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AcceptedInvitationDto, CreatedInvitationDto, InvitationDto, InvitationPreviewDto, Page } from '@enlace/shared';
import type { FastifyReply } from 'fastify';
import { withRefreshCookie } from '../accounts/auth.controller.js';
import { AuthService } from '../accounts/auth.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, OptionalAuth, Public } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { AcceptInvitationDto, CreateInvitationDto } from './invitations.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('workspaces/:id/invitations')
export class WorkspaceInvitationsController {
  constructor(private readonly service: InvitationsService) {}

  @Post()
  create(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateInvitationDto): Promise<CreatedInvitationDto> {
    return this.service.create(auth, id, dto);
  }

  @Get()
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<InvitationDto>> {
    return this.service.listPending(auth, id);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  revoke(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('invitationId') invitationId: string): Promise<void> {
    return this.service.revoke(auth, id, invitationId);
  }
}

/** The invitee's side: the token in the path is the secret, so these routes need no account. */
@ApiTags('invitations')
@Controller('invitations/:token')
export class InvitationLinksController {
  constructor(
    private readonly service: InvitationsService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get()
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.service.preview(token);
  }

  @OptionalAuth()
  @Post('accept')
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Req() request: { user?: AuthUser },
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptedInvitationDto> {
    const acceptance = await this.service.accept(token, request.user, dto);
    if (!acceptance.newUserId) return { workspaceId: acceptance.workspaceId };
    const { accessToken } = withRefreshCookie(reply, await this.auth.sessionFor(acceptance.newUserId));
    return { workspaceId: acceptance.workspaceId, accessToken };
  }

  @Public()
  @Post('decline')
  @HttpCode(204)
  decline(@Param('token') token: string): Promise<void> {
    return this.service.decline(token);
  }
}
