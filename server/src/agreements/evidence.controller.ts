import { Controller, Get, Header, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { EvidenceContentSchema, EvidenceFileSchema, type EvidenceFileDto } from '@enlace/shared';
import type { FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { EvidenceService } from './evidence.service.js';

@ApiTags('agreements')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @ApiEndpoint({
    id: 'uploadEvidence',
    summary: 'Upload an evidence file to a commitment, for a measurement to name',
    description: 'multipart/form-data, one file in the field "file". Its type is detected from the content: PDF, images, office documents, CSV or text. Limited to EVIDENCE_MAX_BYTES (25 MB by default).',
    response: EvidenceFileSchema,
    errors: ['FORBIDDEN', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'WORKSPACE_ARCHIVED'],
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @Post('commitments/:id/evidence')
  upload(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Req() request: FastifyRequest): Promise<EvidenceFileDto> {
    return this.evidence.upload(auth, id, request);
  }

  @ApiEndpoint({
    id: 'downloadEvidence',
    summary: 'Download an evidence file (members of its workspace), always as an attachment',
    response: EvidenceContentSchema,
    contentType: 'application/octet-stream',
    errors: ['FORBIDDEN'],
  })
  @Get('evidence/:id')
  @Header('X-Content-Type-Options', 'nosniff')
  download(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    return this.evidence.download(auth, id);
  }
}
