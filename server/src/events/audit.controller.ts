import { Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditCheckpointDto, AuditPublicKeyDto, AuditVerificationDto, Page } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { CheckpointsQueryDto } from './events.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Get('workspaces/:id/audit/verify')
  verify(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<AuditVerificationDto> {
    return this.service.verify(auth, id);
  }

  @Get('workspaces/:id/audit/checkpoints')
  checkpoints(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: CheckpointsQueryDto): Promise<Page<AuditCheckpointDto>> {
    return this.service.list(auth, id, query.cursor, query.limit);
  }

  @Post('workspaces/:id/audit/checkpoints')
  checkpoint(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<AuditCheckpointDto> {
    return this.service.checkpoint(auth, id);
  }

  @Get('workspaces/:id/audit/export')
  export(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    return this.service.export(auth, id);
  }

  @Get('audit/public-key')
  publicKey(): AuditPublicKeyDto {
    return this.service.publicKey();
  }
}
