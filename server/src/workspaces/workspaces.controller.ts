import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Locale, type Page, type WorkspaceActivityDto, WorkspaceActivityPageSchema, type WorkspaceDto, WorkspacePageSchema, WorkspaceSchema } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { IdParam } from '../common/validation/params.js';
import { CreateWorkspaceDto, UpdateWorkspaceDto, WorkspaceActivityQueryDto, WorkspacePageQueryDto } from './workspaces.dto.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly service: WorkspacesService) {}

  @ApiEndpoint({ id: 'listWorkspaces', summary: 'A page of the caller’s workspaces (only the active or the archived ones with `status`)', response: WorkspacePageSchema })
  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: WorkspacePageQueryDto): Promise<Page<WorkspaceDto>> {
    return this.service.list(auth, query.limit, query.cursor, query.status);
  }

  @ApiEndpoint({ id: 'createWorkspace', summary: 'Create a workspace, the caller its owner', description: 'Its first board’s columns are named in the language of Accept-Language.', response: WorkspaceSchema })
  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateWorkspaceDto, @RequestLocale() locale: Locale): Promise<WorkspaceDto> {
    return this.service.create(auth, dto, locale);
  }

  @ApiEndpoint({ id: 'getWorkspace', summary: 'One workspace, with the caller’s role in it', response: WorkspaceSchema, errors: ['FORBIDDEN'] })
  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<WorkspaceDto> {
    return this.service.get(auth, id);
  }

  @ApiEndpoint({ id: 'updateWorkspace', summary: 'Rename, describe, archive or restore a workspace', response: WorkspaceSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateWorkspaceDto): Promise<WorkspaceDto> {
    return this.service.update(auth, id, dto);
  }
}

/** The caller's workspaces as their start page shows them. */
@ApiTags('workspaces')
@Controller('me/workspaces')
export class MyWorkspacesController {
  constructor(private readonly service: WorkspacesService) {}

  @ApiEndpoint({
    id: 'listMyWorkspaceActivity',
    summary: 'The caller’s workspaces, the most recently active first, with unread activity',
    description: '`unread` counts the events others recorded since the caller last opened the workspace (subscribed to it), up to 100.',
    response: WorkspaceActivityPageSchema,
  })
  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: WorkspaceActivityQueryDto): Promise<Page<WorkspaceActivityDto>> {
    return this.service.activity(auth, query.limit, query.status);
  }
}
