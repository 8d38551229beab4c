import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrganizationDto, Page, UserDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { PageQueryDto } from '../common/validation/page-query.dto.js';
import { CreateOrganizationDto, CreateUserDto } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { UsersService } from './users.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly service: AccountsService,
    private readonly users: UsersService,
  ) {}

  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.service.createOrganization(auth, dto);
  }

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<OrganizationDto>> {
    return this.service.listOrganizations(query.limit, query.cursor);
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<OrganizationDto> {
    return this.service.getOrganization(id);
  }

  @Get(':id/users')
  listUsers(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<UserDto>> {
    return this.users.listInOrganization(auth, id, query.limit, query.cursor);
  }

  @Post(':id/users')
  createUser(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.service.createUser(auth, id, dto);
  }
}
