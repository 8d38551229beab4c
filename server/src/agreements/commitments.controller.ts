import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommitmentDetailSchema, CommitmentSchema, type CommitmentDetailDto, type CommitmentDto } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { ReportProgressDto, UpdateCommitmentDto } from './agreements.dto.js';
import { CommitmentsService } from './commitments.service.js';

@ApiTags('agreements')
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @ApiEndpoint({ id: 'getCommitment', summary: 'One commitment with its progress history', response: CommitmentDetailSchema, errors: ['FORBIDDEN'] })
  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<CommitmentDetailDto> {
    return this.commitments.get(auth, id);
  }

  @ApiEndpoint({ id: 'updateCommitment', summary: 'Redefine a commitment (owners and coordinators)', response: CommitmentSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'NOT_A_PARTY', 'WORKSPACE_ARCHIVED'] })
  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateCommitmentDto): Promise<CommitmentDto> {
    return this.commitments.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'reportCommitmentProgress', summary: 'Report progress: a note and a status change, kept as history', description: 'Contributors only on commitments of their own organisation.', response: CommitmentDetailSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Post(':id/progress')
  reportProgress(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: ReportProgressDto): Promise<CommitmentDetailDto> {
    return this.commitments.reportProgress(auth, id, dto);
  }
}
