import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReplaceStageTemplateSchema, StageTemplateSchema, type StageTemplateDto } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { zodDto } from '../common/validation/zod-dto.js';
import { StageTemplatesService } from './stage-templates.service.js';

class ReplaceStageTemplateDto extends zodDto('ReplaceStageTemplateDto', ReplaceStageTemplateSchema) {}

/** An organisation's stage templates, per stage and language (`en`, `es`, `pt`, `fr`): its admins adapt them. */
@ApiTags('cases')
@Controller('organizations/:id/stage-templates/:stage/:locale')
export class StageTemplatesController {
  constructor(private readonly templates: StageTemplatesService) {}

  @ApiEndpoint({ id: 'getStageTemplate', summary: 'The tasks the organisation’s cases get on entering a stage, in a language (its admins)', response: StageTemplateSchema, errors: ['FORBIDDEN'] })
  @Get()
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Param('stage') stage: string, @Param('locale') locale: string): Promise<StageTemplateDto> {
    return this.templates.get(auth, id, stage, locale);
  }

  @ApiEndpoint({
    id: 'replaceStageTemplate',
    summary: 'Adapt the tasks the organisation’s cases get on entering a stage, in a language, or go back to the defaults with `tasks: null` (its admins)',
    response: StageTemplateSchema,
    errors: ['FORBIDDEN', 'VERSION_CONFLICT'],
  })
  @Put()
  replace(
    @CurrentUser() auth: AuthUser,
    @IdParam() id: string,
    @Param('stage') stage: string,
    @Param('locale') locale: string,
    @Body() dto: ReplaceStageTemplateDto,
  ): Promise<StageTemplateDto> {
    return this.templates.replace(auth, id, stage, locale, dto);
  }
}
