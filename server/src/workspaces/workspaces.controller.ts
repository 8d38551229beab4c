import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale, Page, WorkspaceDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { IdParam } from '../common/validation/params.js';
import { CreateWorkspaceDto, UpdateWorkspaceDto, WorkspacePageQueryDto } from './workspaces.dto.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly service: WorkspacesService) {}

  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: WorkspacePageQueryDto): Promise<Page<WorkspaceDto>> {
    return this.service.list(auth, query.limit, query.cursor);
  }

  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateWorkspaceDto, @RequestLocale() locale: Locale): Promise<WorkspaceDto> {
    return this.service.create(auth, dto, locale);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<WorkspaceDto> {
    return this.service.get(auth, id);
  }

  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateWorkspaceDto): Promise<WorkspaceDto> {
    return this.service.update(auth, id, dto);
  }
}
