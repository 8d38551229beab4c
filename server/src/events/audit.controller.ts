import { Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuditCheckpointPageSchema,
  AuditCheckpointSchema,
  AuditExportSchema,
  AuditPublicKeySchema,
  AuditVerificationSchema,
  type AuditCheckpointDto,
  type AuditPublicKeyDto,
  type AuditVerificationDto,
  type Page,
} from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { CheckpointsQueryDto } from './events.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @ApiEndpoint({
    id: 'verifyAudit',
    summary: 'Recompute the workspace’s hash chain and check it against every signed checkpoint',
    response: AuditVerificationSchema,
    errors: ['FORBIDDEN'],
  })
  @Get('workspaces/:id/audit/verify')
  verify(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<AuditVerificationDto> {
    return this.service.verify(auth, id);
  }

  @ApiEndpoint({ id: 'listAuditCheckpoints', summary: 'The workspace’s signed checkpoints, oldest first', response: AuditCheckpointPageSchema, errors: ['FORBIDDEN'] })
  @Get('workspaces/:id/audit/checkpoints')
  checkpoints(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Query() query: CheckpointsQueryDto): Promise<Page<AuditCheckpointDto>> {
    return this.service.list(auth, id, query.cursor, query.limit);
  }

  @ApiEndpoint({ id: 'createAuditCheckpoint', summary: 'Sign a checkpoint of the workspace’s head now', response: AuditCheckpointSchema, errors: ['FORBIDDEN'] })
  @Post('workspaces/:id/audit/checkpoints')
  checkpoint(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<AuditCheckpointDto> {
    return this.service.checkpoint(auth, id);
  }

  @ApiEndpoint({
    id: 'exportAudit',
    summary: 'The workspace’s event log and checkpoints as JSON lines, for checking away from the server',
    description: 'Owners and coordinators only: it holds every payload. Check it with `node scripts/verify-audit.mjs <export> <public key>`.',
    response: AuditExportSchema,
    errors: ['FORBIDDEN'],
  })
  @Get('workspaces/:id/audit/export')
  export(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    return this.service.export(auth, id);
  }

  @ApiEndpoint({ id: 'getAuditPublicKey', summary: 'The public key that verifies audit checkpoints', response: AuditPublicKeySchema })
  @Get('audit/public-key')
  publicKey(): AuditPublicKeyDto {
    return this.service.publicKey();
  }
}
