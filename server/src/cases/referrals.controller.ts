import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ConsentPageSchema,
  ConsentSchema,
  IncomingReferralPageSchema,
  IncomingReferralSchema,
  ReferralPageSchema,
  ReferralSchema,
  type ConsentDto,
  type IncomingReferralDto,
  type Page,
  type ReferralDto,
} from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { AcceptReferralDto, CompleteReferralDto, CreateReferralDto, DeclineReferralDto, IncomingReferralQueryDto, RecordConsentDto, RevokeConsentDto } from './cases.dto.js';
import { ReferralsService } from './referrals.service.js';

/** A case's consents and referrals (`/cases/:id/…`), and the receiving organisation's inbox (`/referrals/…`). */
@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @ApiEndpoint({ id: 'recordConsent', summary: 'Record the person’s consent to share with an organisation for a service', response: ConsentSchema, errors: ['FORBIDDEN', 'WORKSPACE_ARCHIVED'] })
  @Post('cases/:id/consents')
  recordConsent(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: RecordConsentDto): Promise<ConsentDto> {
    return this.referrals.recordConsent(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listConsents', summary: 'A case’s consents, revoked ones included', response: ConsentPageSchema, errors: ['FORBIDDEN'] })
  @Get('cases/:id/consents')
  consents(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<ConsentDto>> {
    return this.referrals.consents(auth, id);
  }

  @ApiEndpoint({
    id: 'revokeConsent',
    summary: 'Revoke a consent: its referrals are withdrawn and whoever joined through them is removed at once',
    response: ConsentSchema,
    errors: ['FORBIDDEN', 'CONFLICT', 'WORKSPACE_ARCHIVED'],
  })
  @Post('cases/:id/consents/:consentId/revoke')
  @HttpCode(200)
  revokeConsent(@CurrentUser() auth: AuthUser, @IdParam() id: string, @IdParam('consentId') consentId: string, @Body() dto: RevokeConsentDto): Promise<ConsentDto> {
    return this.referrals.revokeConsent(auth, id, consentId, dto);
  }

  @ApiEndpoint({
    id: 'createReferral',
    summary: 'Refer a case to another organisation for a service, under a valid consent',
    response: ReferralSchema,
    errors: ['FORBIDDEN', 'CONSENT_REQUIRED', 'REFERRAL_TO_OWN_ORGANIZATION', 'WORKSPACE_ARCHIVED'],
  })
  @Post('cases/:id/referrals')
  create(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CreateReferralDto): Promise<ReferralDto> {
    return this.referrals.create(auth, id, dto);
  }

  @ApiEndpoint({ id: 'listCaseReferrals', summary: 'A case’s referrals', response: ReferralPageSchema, errors: ['FORBIDDEN'] })
  @Get('cases/:id/referrals')
  list(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<Page<ReferralDto>> {
    return this.referrals.list(auth, id);
  }

  @ApiEndpoint({ id: 'listIncomingReferrals', summary: 'Referrals to the caller’s organisation (its admins), with only what the consent allows', response: IncomingReferralPageSchema, errors: ['FORBIDDEN'] })
  @Get('referrals/incoming')
  incoming(@CurrentUser() auth: AuthUser, @Query() query: IncomingReferralQueryDto): Promise<Page<IncomingReferralDto>> {
    return this.referrals.incoming(auth, query);
  }

  @ApiEndpoint({
    id: 'acceptReferral',
    summary: 'Accept a referral: exactly the chosen people of the organisation join the case as contributors',
    response: IncomingReferralSchema,
    errors: ['VERSION_CONFLICT', 'ILLEGAL_TRANSITION', 'CONSENT_REQUIRED', 'NOT_IN_ORGANIZATION'],
  })
  @Post('referrals/:id/accept')
  @HttpCode(200)
  accept(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: AcceptReferralDto): Promise<IncomingReferralDto> {
    return this.referrals.accept(auth, id, dto);
  }

  @ApiEndpoint({ id: 'declineReferral', summary: 'Decline a referral with a reason (nobody joins)', response: IncomingReferralSchema, errors: ['VERSION_CONFLICT', 'ILLEGAL_TRANSITION'] })
  @Post('referrals/:id/decline')
  @HttpCode(200)
  decline(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: DeclineReferralDto): Promise<IncomingReferralDto> {
    return this.referrals.decline(auth, id, dto);
  }

  @ApiEndpoint({ id: 'completeReferral', summary: 'Record that the referred service was completed', response: IncomingReferralSchema, errors: ['VERSION_CONFLICT', 'ILLEGAL_TRANSITION'] })
  @Post('referrals/:id/complete')
  @HttpCode(200)
  complete(@CurrentUser() auth: AuthUser, @IdParam() id: string, @Body() dto: CompleteReferralDto): Promise<IncomingReferralDto> {
    return this.referrals.complete(auth, id, dto);
  }
}
