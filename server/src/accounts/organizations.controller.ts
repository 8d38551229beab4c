import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type JoinRequestDto, JoinRequestPageSchema, JoinRequestSchema, type OrganizationDto, OrganizationPageSchema, OrganizationSchema, type Page, type UserDto, UserPageSchema, UserSchema } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { PageQueryDto } from '../common/validation/page-query.dto.js';
import { CreateOrganizationDto, CreateUserDto, UpdateOrganizationDto } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { AffiliationService } from './affiliation/affiliation.service.js';
import { PasswordService } from './passwords/password.service.js';
import { UsersService } from './users.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly service: AccountsService,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly affiliation: AffiliationService,
  ) {}

  @ApiEndpoint({ id: 'createOrganization', summary: 'Create an organisation (platform administrators)', response: OrganizationSchema, errors: ['FORBIDDEN', 'CONFLICT'] })
  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.service.createOrganization(auth, dto);
  }

  @ApiEndpoint({ id: 'listOrganizations', summary: 'A page of the hub’s organisations, by name', response: OrganizationPageSchema })
  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<OrganizationDto>> {
    return this.service.listOrganizations(query.limit, query.cursor);
  }

  @ApiEndpoint({ id: 'getOrganization', summary: 'One organisation', response: OrganizationSchema })
  @Get(':id')
  get(@IdParam() id: string): Promise<OrganizationDto> {
    return this.service.getOrganization(id);
  }

  @ApiEndpoint({
    id: 'updateOrganization',
    summary: 'Require (or stop requiring) a second factor of an organisation’s people, set its verified e-mail domains (platform administrators)',
    description: 'A domain belongs to one organisation at most (409 DOMAIN_TAKEN with `details.domains`).',
    response: OrganizationSchema,
    errors: ['FORBIDDEN', 'DOMAIN_TAKEN'],
  })
  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.service.updateOrganization(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listOrganizationUsers', summary: 'A page of an organisation’s accounts (its administrators)', response: UserPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/users')
  listUsers(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<UserDto>> {
    return this.users.listInOrganization(auth, id, query.limit, query.cursor);
  }

  @ApiEndpoint({ id: 'createOrganizationUser', summary: 'Create an account in an organisation (its administrators)', response: UserSchema, errors: ['FORBIDDEN', 'EMAIL_TAKEN'] })
  @Post(':id/users')
  createUser(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.service.createUser(auth, id, dto);
  }

  @ApiEndpoint({ id: 'sendPasswordReset', summary: 'E-mail an account a one-hour link to set a new password (its administrators)', errors: ['FORBIDDEN', 'CONFLICT'] })
  @Post(':id/users/:userId/password-reset')
  @HttpCode(202)
  sendPasswordReset(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
    return this.passwords.sendByAdmin(auth, id, userId);
  }

  @ApiEndpoint({ id: 'listJoinRequests', summary: 'The pending requests to join an organisation (its administrators)', response: JoinRequestPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/join-requests')
  listJoinRequests(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<JoinRequestDto>> {
    return this.affiliation.pendingRequests(auth, id);
  }

  @ApiEndpoint({ id: 'approveJoinRequest', summary: 'Confirm that a person belongs to the organisation (its administrators)', response: JoinRequestSchema, errors: ['FORBIDDEN', 'JOIN_REQUEST_DECIDED'] })
  @Post(':id/join-requests/:requestId/approve')
  @HttpCode(200)
  approveJoinRequest(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('requestId') requestId: string): Promise<JoinRequestDto> {
    return this.affiliation.decide(auth, id, requestId, 'approved');
  }

  @ApiEndpoint({ id: 'rejectJoinRequest', summary: 'Refuse a request to join the organisation (its administrators)', response: JoinRequestSchema, errors: ['FORBIDDEN', 'JOIN_REQUEST_DECIDED'] })
  @Post(':id/join-requests/:requestId/reject')
  @HttpCode(200)
  rejectJoinRequest(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('requestId') requestId: string): Promise<JoinRequestDto> {
    return this.affiliation.decide(auth, id, requestId, 'rejected');
  }
}
