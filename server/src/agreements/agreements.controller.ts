import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgreementPageSchema,
  AgreementSchema,
  CommitmentDetailPageSchema,
  CommitmentExportSchema,
  CommitmentPageSchema,
  CommitmentSchema,
  PartySchema,
  TermsVersionPageSchema,
  TransitionPageSchema,
  type AgreementDto,
  type AgreementListItemDto,
  type CommitmentDetailDto,
  type CommitmentDto,
  type Locale,
  type Page,
  type PartyDto,
  type TermsVersionDto,
  type TransitionDto,
} from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { IdParam } from '../common/validation/params.js';
import {
  AddPartyDto,
  AgreementListQueryDto,
  CommitmentExportQueryDto,
  CreateAgreementDto,
  CreateAmendmentDto,
  CreateCommitmentDto,
  TransitionAgreementDto,
  UpdateAgreementDto,
  UpdatePartyDto,
} from './agreements.dto.js';
import { AgreementsService } from './agreements.service.js';
import { CommitmentsExportService } from './commitments-export.service.js';
import { CommitmentsService } from './commitments.service.js';
import { PartiesService } from './parties.service.js';

/** `:id` is the agreement's id, which is its workspace's id. */
@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly parties: PartiesService,
    private readonly commitments: CommitmentsService,
    private readonly exports: CommitmentsExportService,
  ) {}

  @ApiEndpoint({ id: 'createAgreement', summary: 'Create an agreement with its workspace, the caller its owner', response: AgreementSchema, errors: ['REFERENCE_CODE_TAKEN'] })
  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateAgreementDto, @RequestLocale() locale: Locale): Promise<AgreementDto> {
    return this.agreements.create(auth, dto, locale);
  }

  @ApiEndpoint({ id: 'listAgreements', summary: 'A page of the caller’s agreements, each with its implementation figures', response: AgreementPageSchema })
  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: AgreementListQueryDto): Promise<Page<AgreementListItemDto>> {
    return this.agreements.list(auth, query);
  }

  @ApiEndpoint({
    id: 'exportCommitments',
    summary: 'The caller’s commitments as CSV, with each indicator’s latest reported and verified measurement',
    description: 'Same filters as the portfolio, or one agreement. Headers and values in the Accept-Language language.',
    response: CommitmentExportSchema,
    contentType: 'text/csv',
  })
  @Get('export')
  export(@CurrentUser() auth: AuthUser, @Query() query: CommitmentExportQueryDto, @RequestLocale() locale: Locale): Promise<StreamableFile> {
    return this.exports.export(auth, query, locale);
  }

  @ApiEndpoint({ id: 'getAgreement', summary: 'One agreement with its parties, current terms and allowed transitions', response: AgreementSchema, errors: ['FORBIDDEN'] })
  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<AgreementDto> {
    return this.agreements.get(auth, id);
  }

  @ApiEndpoint({ id: 'updateAgreement', summary: 'Edit an agreement’s record', response: AgreementSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'TERMS_LOCKED', 'REFERENCE_CODE_TAKEN', 'WORKSPACE_ARCHIVED'] })
  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateAgreementDto): Promise<AgreementDto> {
    return this.agreements.update(auth, id, dto);
  }

  @ApiEndpoint({ id: 'transitionAgreement', summary: 'Move an agreement to its next lifecycle status', response: AgreementSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'ILLEGAL_TRANSITION', 'WORKSPACE_ARCHIVED'] })
  @Post(':id/transitions')
  @HttpCode(200)
  transition(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: TransitionAgreementDto): Promise<AgreementDto> {
    return this.agreements.transition(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listAgreementTransitions', summary: 'Every lifecycle transition of an agreement, oldest first', response: TransitionPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/transitions')
  transitions(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<TransitionDto>> {
    return this.agreements.transitions(auth, id);
  }

  @ApiEndpoint({ id: 'amendAgreement', summary: 'Record a numbered amendment with new terms', response: AgreementSchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'NOT_SIGNED', 'WORKSPACE_ARCHIVED'] })
  @Post(':id/amendments')
  amend(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateAmendmentDto): Promise<AgreementDto> {
    return this.agreements.amend(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listAgreementVersions', summary: 'Every version of an agreement’s terms, the original as number 0', response: TermsVersionPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/amendments')
  versions(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<TermsVersionDto>> {
    return this.agreements.versions(auth, id);
  }

  @ApiEndpoint({ id: 'addAgreementParty', summary: 'Add an organisation as a party (gives nobody access)', response: PartySchema, errors: ['FORBIDDEN', 'PARTY_EXISTS', 'WORKSPACE_ARCHIVED'] })
  @Post(':id/parties')
  addParty(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: AddPartyDto): Promise<PartyDto> {
    return this.parties.add(auth, id, dto);
  }

  @ApiEndpoint({ id: 'updateAgreementParty', summary: 'Change a party’s role, contact or signature date', response: PartySchema, errors: ['FORBIDDEN', 'VERSION_CONFLICT', 'WORKSPACE_ARCHIVED'] })
  @Patch(':id/parties/:organizationId')
  updateParty(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('organizationId') organizationId: string, @Body() dto: UpdatePartyDto): Promise<PartyDto> {
    return this.parties.update(auth, id, organizationId, dto);
  }

  @ApiEndpoint({ id: 'removeAgreementParty', summary: 'Remove a party that is responsible for no commitment', errors: ['FORBIDDEN', 'PARTY_HAS_COMMITMENTS', 'WORKSPACE_ARCHIVED'] })
  @Delete(':id/parties/:organizationId')
  @HttpCode(204)
  removeParty(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('organizationId') organizationId: string): Promise<void> {
    return this.parties.remove(auth, id, organizationId);
  }

  @ApiEndpoint({ id: 'createCommitment', summary: 'Add what a party commits to', response: CommitmentSchema, errors: ['FORBIDDEN', 'NOT_A_PARTY', 'WORKSPACE_ARCHIVED'] })
  @Post(':id/commitments')
  createCommitment(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateCommitmentDto): Promise<CommitmentDto> {
    return this.commitments.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listCommitments', summary: 'An agreement’s commitments, with overdue as of today', response: CommitmentPageSchema, errors: ['FORBIDDEN'] })
  @Get(':id/commitments')
  listCommitments(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<CommitmentDto>> {
    return this.commitments.list(auth, id);
  }

  @ApiEndpoint({
    id: 'listCommitmentDetails',
    summary: 'An agreement’s commitments, each with its progress history, indicators (measurements included) and linked cards',
    description: 'The Commitments tab in one request, instead of one request per commitment.',
    response: CommitmentDetailPageSchema,
    errors: ['FORBIDDEN'],
  })
  @Get(':id/commitments/details')
  listCommitmentDetails(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<CommitmentDetailDto>> {
    return this.commitments.details(auth, id);
  }
}
