import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IndicatorSchema, MeasurementSchema, type IndicatorDto, type IndicatorStateDto, type MeasurementDto } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { CreateIndicatorDto, RecordMeasurementDto, ReviewMeasurementDto, UpdateIndicatorDto } from './agreements.dto.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('agreements')
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @ApiEndpoint({ id: 'createIndicator', summary: 'Add an indicator to a commitment (owners and coordinators)', response: IndicatorSchema, errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Post('commitments/:id/indicators')
  create(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateIndicatorDto): Promise<IndicatorDto> {
    return this.indicators.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'updateIndicator', summary: 'Redefine an indicator (owners and coordinators)', response: IndicatorSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch('indicators/:id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateIndicatorDto): Promise<IndicatorStateDto> {
    return this.indicators.update(auth, id, dto);
  }

  @ApiEndpoint({
    id: 'recordMeasurement',
    summary: 'Record a measurement for a period, with uploaded evidence; or a correction superseding an earlier one',
    description: 'Contributors only on commitments of their own organisation. The event lists each evidence file’s SHA-256.',
    response: MeasurementSchema,
    errors: ['FORBIDDEN', 'MEASUREMENT_FINAL', 'WORKSPACE_ARCHIVED'],
  })
  @Post('indicators/:id/measurements')
  record(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: RecordMeasurementDto): Promise<MeasurementDto> {
    return this.indicators.record(auth, id, dto);
  }

  @ApiEndpoint({
    id: 'reviewMeasurement',
    summary: 'Verify a measurement, or dispute it with a reason (a member of another party)',
    description: 'Never by the organisation responsible for the commitment or the one that reported it (403 SELF_VERIFICATION). A verified measurement is final.',
    response: MeasurementSchema,
    errors: ['FORBIDDEN', 'SELF_VERIFICATION', 'MEASUREMENT_FINAL', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'],
  })
  @Post('measurements/:id/review')
  @HttpCode(200)
  review(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: ReviewMeasurementDto): Promise<MeasurementDto> {
    return this.indicators.review(auth, id, dto);
  }
}
