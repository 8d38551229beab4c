import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AgreementDto, AgreementListItemDto, CommitmentDto, Locale, Page, PartyDto, TermsVersionDto, TransitionDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { IdParam } from '../common/validation/params.js';
import {
  AddPartyDto,
  AgreementListQueryDto,
  CreateAgreementDto,
  CreateAmendmentDto,
  CreateCommitmentDto,
  TransitionAgreementDto,
  UpdateAgreementDto,
  UpdatePartyDto,
} from './agreements.dto.js';
import { AgreementsService } from './agreements.service.js';
import { CommitmentsService } from './commitments.service.js';
import { PartiesService } from './parties.service.js';

/** `:id` is the agreement's id, which is its workspace's id. */
@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly parties: PartiesService,
    private readonly commitments: CommitmentsService,
  ) {}

  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateAgreementDto, @RequestLocale() locale: Locale): Promise<AgreementDto> {
    return this.agreements.create(auth, dto, locale);
  }

  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: AgreementListQueryDto): Promise<Page<AgreementListItemDto>> {
    return this.agreements.list(auth, query);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<AgreementDto> {
    return this.agreements.get(auth, id);
  }

  @Patch(':id')
  update(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: UpdateAgreementDto): Promise<AgreementDto> {
    return this.agreements.update(auth, id, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  transition(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: TransitionAgreementDto): Promise<AgreementDto> {
    return this.agreements.transition(auth, id, dto);
  }

  @Get(':id/transitions')
  transitions(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<TransitionDto>> {
    return this.agreements.transitions(auth, id);
  }

  @Post(':id/amendments')
  amend(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateAmendmentDto): Promise<AgreementDto> {
    return this.agreements.amend(auth, id, dto);
  }

  @Get(':id/amendments')
  versions(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<TermsVersionDto>> {
    return this.agreements.versions(auth, id);
  }

  @Post(':id/parties')
  addParty(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: AddPartyDto): Promise<PartyDto> {
    return this.parties.add(auth, id, dto);
  }

  @Patch(':id/parties/:organizationId')
  updateParty(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('organizationId') organizationId: string, @Body() dto: UpdatePartyDto): Promise<PartyDto> {
    return this.parties.update(auth, id, organizationId, dto);
  }

  @Delete(':id/parties/:organizationId')
  @HttpCode(204)
  removeParty(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('organizationId') organizationId: string): Promise<void> {
    return this.parties.remove(auth, id, organizationId);
  }

  @Post(':id/commitments')
  createCommitment(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateCommitmentDto): Promise<CommitmentDto> {
    return this.commitments.create(auth, id, dto);
  }

  @Get(':id/commitments')
  listCommitments(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<CommitmentDto>> {
    return this.commitments.list(auth, id);
  }
}
