import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type OrganizationDto, OrganizationPageSchema, OrganizationSchema, type Page, type UserDto, UserPageSchema, UserSchema } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { PageQueryDto } from '../common/validation/page-query.dto.js';
import { CreateOrganizationDto, CreateUserDto } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { UsersService } from './users.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly service: AccountsService,
    private readonly users: UsersService,
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
}
