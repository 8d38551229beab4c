import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AssistancePageSchema,
  AssistanceSchema,
  JusticeEntryPageSchema,
  JusticeEntrySchema,
  type AssistanceDto,
  type JusticeEntryDto,
  type Page,
} from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { RecordJusticeDto, RequestAssistanceDto, TransitionAssistanceDto, UpdateAssistanceDto, UpdateJusticeDto } from './tracks.dto.js';
import { TracksService } from './tracks.service.js';

const ASSISTANCE_READERS = 'Members, except those of law-enforcement organisations without an owner’s `assistanceAccess` grant (403).';

/** A case's assistance track (`/cases/:id/assistance…`) and criminal-justice track (`/cases/:id/justice…`). */
@ApiTags('cases')
@Controller('cases/:id')
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @ApiEndpoint({ id: 'listCaseAssistance', summary: 'A case’s assistance services, the earliest requested first', description: ASSISTANCE_READERS, response: AssistancePageSchema, errors: ['FORBIDDEN'] })
  @Get('assistance')
  listAssistance(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<AssistanceDto>> {
    return this.tracks.listAssistance(auth, id);
  }

  @ApiEndpoint({
    id: 'requestCaseAssistance',
    summary: 'Record a service the person asked for (owners, coordinators, contributors who read the track)',
    response: AssistanceSchema,
    errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'],
  })
  @Post('assistance')
  requestAssistance(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: RequestAssistanceDto): Promise<AssistanceDto> {
    return this.tracks.requestAssistance(auth, id, dto);
  }

  @ApiEndpoint({ id: 'updateCaseAssistance', summary: 'Edit a service’s request date, provider or note', response: AssistanceSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch('assistance/:serviceId')
  updateAssistance(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('serviceId') serviceId: string, @Body() dto: UpdateAssistanceDto): Promise<AssistanceDto> {
    return this.tracks.updateAssistance(auth, id, serviceId, dto);
  }

  @ApiEndpoint({
    id: 'transitionCaseAssistance',
    summary: 'Record that a service was given (started) or ended, on a day',
    description: '`requested → given → ended` or `requested → ended`; anything else is 409 `ILLEGAL_TRANSITION` with `details {from, to, allowed}`.',
    response: AssistanceSchema,
    errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'ILLEGAL_TRANSITION', 'WORKSPACE_ARCHIVED'],
  })
  @Post('assistance/:serviceId/transitions')
  @HttpCode(200)
  transitionAssistance(
    @CurrentUser() auth: AuthUser,
    @IdParam() id: string,
    @IdParam('serviceId') serviceId: string,
    @Body() dto: TransitionAssistanceDto,
  ): Promise<AssistanceDto> {
    return this.tracks.transitionAssistance(auth, id, serviceId, dto);
  }

  @ApiEndpoint({ id: 'listCaseJustice', summary: 'A case’s criminal-justice track (every member), the earliest first', response: JusticeEntryPageSchema })
  @Get('justice')
  listJustice(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<JusticeEntryDto>> {
    return this.tracks.listJustice(auth, id);
  }

  @ApiEndpoint({
    id: 'recordCaseJustice',
    summary: 'Record a complaint, investigation, proceedings or outcome entry (owners, coordinators, contributors)',
    response: JusticeEntrySchema,
    errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'],
  })
  @Post('justice')
  recordJustice(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: RecordJusticeDto): Promise<JusticeEntryDto> {
    return this.tracks.recordJustice(auth, id, dto);
  }

  @ApiEndpoint({ id: 'updateCaseJustice', summary: 'Edit an entry of the criminal-justice track', response: JusticeEntrySchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch('justice/:entryId')
  updateJustice(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('entryId') entryId: string, @Body() dto: UpdateJusticeDto): Promise<JusticeEntryDto> {
    return this.tracks.updateJustice(auth, id, entryId, dto);
  }
}
