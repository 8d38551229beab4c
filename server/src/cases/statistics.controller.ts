import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseStatisticsCsvSchema, CaseStatisticsSchema, type CaseStatisticsDto } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { CaseStatisticsQueryDto } from './cases.dto.js';
import { StatisticsService } from './statistics.service.js';

@ApiTags('cases')
@Controller('case-statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @ApiEndpoint({
    id: 'getCaseStatistics',
    summary: 'Counts of every case by stage, exploitation type, jurisdiction or month, small counts suppressed',
    description: 'Members of government and civil-society organisations. Every count below 5 is "<5", with complementary suppression.',
    response: CaseStatisticsSchema,
    errors: ['FORBIDDEN'],
  })
  @Get()
  table(@CurrentUser() auth: AuthUser, @Query() query: CaseStatisticsQueryDto): Promise<CaseStatisticsDto> {
    return this.statistics.table(auth, query.by);
  }

  @ApiEndpoint({ id: 'exportCaseStatistics', summary: 'The same counts as CSV', response: CaseStatisticsCsvSchema, errors: ['FORBIDDEN'] })
  @Get('export')
  csv(@CurrentUser() auth: AuthUser, @Query() query: CaseStatisticsQueryDto): Promise<StreamableFile> {
    return this.statistics.csv(auth, query.by);
  }
}
