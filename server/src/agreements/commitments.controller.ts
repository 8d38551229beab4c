import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommitmentDetailDto, CommitmentDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { ReportProgressDto, UpdateCommitmentDto } from './agreements.dto.js';
import { CommitmentsService } from './commitments.service.js';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<CommitmentDetailDto> {
    return this.commitments.get(auth, id);
  }

  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateCommitmentDto): Promise<CommitmentDto> {
    return this.commitments.update(auth, id, dto);
  }

  @Post(':id/progress')
  reportProgress(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: ReportProgressDto): Promise<CommitmentDetailDto> {
    return this.commitments.reportProgress(auth, id, dto);
  }
}
