import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AcceptedInvitationDto,
  AcceptedInvitationSchema,
  type CreatedInvitationDto,
  CreatedInvitationSchema,
  type InboxInvitationDto,
  InboxInvitationPageSchema,
  type InvitationDto,
  InvitationPageSchema,
  type InvitationPreviewDto,
  InvitationPreviewSchema,
  type Page,
} from '@enlace/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/api-endpoint.js';
import { clientOf, withRefreshCookie } from '../accounts/auth.controller.js';
import { AuthService } from '../accounts/auth.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, OptionalAuth, Public } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { AcceptInvitationDto, AcceptMyInvitationDto, CreateInvitationDto, ResendInvitationDto } from './invitations.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@Controller('workspaces/:id/invitations')
export class WorkspaceInvitationsController {
  constructor(private readonly service: InvitationsService) {}

  @ApiEndpoint({
    id: 'createInvitation',
    summary: 'Invite a person by e-mail into a workspace',
    description:
      'Answers the invitation’s token and link once; they are also e-mailed, in `locale` if given, otherwise in the invitee’s account language, otherwise the inviter’s. ' +
      'A person with a pending invitation to the workspace gets no second one: 409 INVITATION_EXISTS with `details.invitationId`, which may be resent.',
    response: CreatedInvitationSchema,
    errors: ['FORBIDDEN', 'CONFLICT', 'INVITATION_EXISTS', 'WORKSPACE_ARCHIVED'],
  })
  @Post()
  create(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateInvitationDto): Promise<CreatedInvitationDto> {
    return this.service.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listInvitations', summary: 'The pending invitations of a workspace', response: InvitationPageSchema, errors: ['FORBIDDEN'] })
  @Get()
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<InvitationDto>> {
    return this.service.listPending(auth, id);
  }

  @ApiEndpoint({
    id: 'resendInvitation',
    summary: 'Send a pending invitation again with a new link and lifetime (the old link stops working)',
    response: CreatedInvitationSchema,
    errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED', 'INVITATION_USED', 'INVITATION_REVOKED'],
  })
  @Post(':invitationId/resend')
  @HttpCode(200)
  resend(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('invitationId') invitationId: string, @Body() dto: ResendInvitationDto): Promise<CreatedInvitationDto> {
    return this.service.resend(auth, id, invitationId, dto);
  }

  @ApiEndpoint({ id: 'revokeInvitation', summary: 'Withdraw a pending invitation', errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED', 'INVITATION_USED', 'INVITATION_REVOKED', 'INVITATION_EXPIRED'] })
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
  @ApiEndpoint({ id: 'previewInvitation', summary: 'What the holder of an invitation link may see before accepting', response: InvitationPreviewSchema, errors: ['INVITATION_USED', 'INVITATION_REVOKED', 'INVITATION_EXPIRED'] })
  @Get()
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.service.preview(token);
  }

  @OptionalAuth()
  @ApiEndpoint({ id: 'acceptInvitation', summary: 'Accept an invitation, signed in or creating the account', description: 'Signed in: joins as the caller. Not signed in and no account for the e-mail: creates it from `displayName` and `password`, sets the refresh cookie and answers an access token.', response: AcceptedInvitationSchema, errors: ['INVITATION_USED', 'INVITATION_REVOKED', 'INVITATION_EXPIRED', 'INVITATION_EMAIL_MISMATCH', 'EMAIL_TAKEN', 'CONFLICT'] })
  @Post('accept')
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Req() request: FastifyRequest & { user?: AuthUser },
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptedInvitationDto> {
    const acceptance = await this.service.accept(token, request.user, dto);
    if (!acceptance.newUserId) return { workspaceId: acceptance.workspaceId };
    const { accessToken } = withRefreshCookie(reply, await this.auth.sessionFor(acceptance.newUserId, clientOf(request)));
    return { workspaceId: acceptance.workspaceId, accessToken };
  }

  @Public()
  @ApiEndpoint({ id: 'declineInvitation', summary: 'Decline an invitation', errors: ['INVITATION_USED', 'INVITATION_REVOKED', 'INVITATION_EXPIRED'] })
  @Post('decline')
  @HttpCode(204)
  decline(@Param('token') token: string): Promise<void> {
    return this.service.decline(token);
  }
}

/** The invitee's inbox: invitations addressed to the signed-in account's e-mail, answered without the link. */
@ApiTags('invitations')
@Controller('me/invitations')
export class MyInvitationsController {
  constructor(private readonly service: InvitationsService) {}

  @ApiEndpoint({ id: 'listMyInvitations', summary: 'The pending invitations addressed to the caller’s e-mail', response: InboxInvitationPageSchema })
  @Get()
  list(@CurrentUser() auth: AuthUser): Promise<Page<InboxInvitationDto>> {
    return this.service.inbox(auth);
  }

  @ApiEndpoint({
    id: 'acceptMyInvitation',
    summary: 'Accept an invitation addressed to the caller',
    description: 'As accepting through the link; `organizationId` asks an organisation to confirm a caller who has none.',
    response: AcceptedInvitationSchema,
    errors: ['INVITATION_USED', 'INVITATION_REVOKED', 'INVITATION_EXPIRED'],
  })
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: AcceptMyInvitationDto): Promise<AcceptedInvitationDto> {
    return this.service.acceptAddressed(auth, id, dto.organizationId);
  }

  @ApiEndpoint({ id: 'declineMyInvitation', summary: 'Decline an invitation addressed to the caller', errors: ['INVITATION_USED', 'INVITATION_REVOKED', 'INVITATION_EXPIRED'] })
  @Post(':id/decline')
  @HttpCode(204)
  decline(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.service.declineAddressed(auth, id);
  }
}
