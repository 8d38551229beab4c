import { Body, Controller, Get, Header, HttpCode, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CasePageSchema,
  CaseSchema,
  CaseTransitionPageSchema,
  SensitiveRecordSchema,
  SensitiveViewPageSchema,
  SensitiveWriteResultSchema,
  type CaseDto,
  type CaseStateDto,
  type CaseTransitionDto,
  type Locale,
  type Page,
  type SensitiveRecordDto,
  type SensitiveViewDto,
  type SensitiveWriteResultDto,
} from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { IdParam } from '../common/validation/params.js';
import { CaseListQueryDto, CreateCaseDto, TransitionCaseDto, UpdateCaseDto, ViewSensitiveDto, WriteSensitiveDto } from './cases.dto.js';
import { CasesService } from './cases.service.js';
import { RejectSensitiveFields } from './reject-sensitive-fields.interceptor.js';
import { SensitiveService } from './sensitive.service.js';

/** `:id` is the case's id, which is its workspace's id. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly sensitive: SensitiveService,
  ) {}

  @ApiEndpoint({ id: 'createCase', summary: 'Create a case with its workspace and code, the caller its owner', response: CaseSchema, errors: ['SENSITIVE_FIELD_NOT_ALLOWED'] })
  @Post()
  @UseInterceptors(RejectSensitiveFields)
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateCaseDto, @RequestLocale() locale: Locale): Promise<CaseDto> {
    return this.cases.create(auth, dto, locale);
  }

  @ApiEndpoint({ id: 'listCases', summary: 'A page of the caller’s cases, without sensitive fields', response: CasePageSchema })
  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: CaseListQueryDto): Promise<Page<CaseStateDto>> {
    return this.cases.list(auth, query);
  }

  @ApiEndpoint({ id: 'getCase', summary: 'One case record, without its sensitive fields', response: CaseSchema, errors: ['FORBIDDEN'] })
  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<CaseDto> {
    return this.cases.get(auth, id);
  }

  @ApiEndpoint({ id: 'updateCase', summary: 'Edit the non-sensitive case record', response: CaseSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'SENSITIVE_FIELD_NOT_ALLOWED', 'WORKSPACE_ARCHIVED'] })
  @Patch(':id')
  @UseInterceptors(RejectSensitiveFields)
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateCaseDto): Promise<CaseDto> {
    return this.cases.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'transitionCase', summary: 'Move a case to its next stage', response: CaseSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'ILLEGAL_TRANSITION', 'WORKSPACE_ARCHIVED'] })
  @Post(':id/transitions')
  @HttpCode(200)
  transition(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: TransitionCaseDto, @RequestLocale() locale: Locale): Promise<CaseDto> {
    return this.cases.transition(auth, id, dto, locale);
  }

  @ApiEndpoint({ id: 'listCaseTransitions', summary: 'Every stage change of a case, oldest first', response: CaseTransitionPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/transitions')
  transitions(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<CaseTransitionDto>> {
    return this.cases.transitions(auth, id);
  }

  @ApiEndpoint({
    id: 'viewCaseSensitive',
    summary: 'Read a case’s sensitive fields, giving a reason',
    description: 'Owners, coordinators and contributors with the sensitive-access grant. Every call is recorded as `case.sensitive_viewed` (who, which fields, why; never the values).',
    response: SensitiveRecordSchema,
    errors: ['FORBIDDEN'],
  })
  @Post(':id/sensitive/views')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  view(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: ViewSensitiveDto): Promise<SensitiveRecordDto> {
    return this.sensitive.view(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listCaseSensitiveViews', summary: 'Who read a case’s sensitive fields, when and why (owners)', response: SensitiveViewPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/sensitive/views')
  views(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<SensitiveViewDto>> {
    return this.sensitive.views(auth, id);
  }

  @ApiEndpoint({
    id: 'writeCaseSensitive',
    summary: 'Set or clear sensitive fields of a case',
    response: SensitiveWriteResultSchema,
    errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'SENSITIVE_ERASED', 'WORKSPACE_ARCHIVED'],
  })
  @Put(':id/sensitive')
  write(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: WriteSensitiveDto): Promise<SensitiveWriteResultDto> {
    return this.sensitive.write(auth, id, dto);
  }
}
