import {
  AGREEMENT_TRANSITIONS,
  AddPartySchema,
  AgreementListQuerySchema,
  CommitmentExportQuerySchema,
  CreateIndicatorSchema,
  RecordMeasurementSchema,
  ReviewMeasurementSchema,
  UpdateIndicatorSchema,
  CreateAgreementSchema,
  CreateAmendmentSchema,
  CreateCommitmentSchema,
  ReportProgressSchema,
  TransitionAgreementSchema,
  UpdateAgreementSchema,
  UpdateCommitmentSchema,
  UpdatePartySchema,
  isOverdue,
  type AgreementDto,
  type AgreementListItemDto,
  type AgreementStateDto,
  type CommitmentDto,
  type CommitmentStateDto,
  type PartyDto,
  type ProgressUpdateDto,
  type TermsVersionDto,
  type TransitionDto,
} from '@enlace/shared';
import { zodDto } from '../common/validation/zod-dto.js';
import type { AgreementListRow, AgreementRow, AmendmentRow, TransitionRow } from './agreements.repository.js';
import type { CommitmentRow, ProgressRow } from './commitments.repository.js';

export class CreateAgreementDto extends zodDto('CreateAgreementDto', CreateAgreementSchema) {}
export class UpdateAgreementDto extends zodDto('UpdateAgreementDto', UpdateAgreementSchema) {}
export class AgreementListQueryDto extends zodDto('AgreementListQueryDto', AgreementListQuerySchema) {}
export class TransitionAgreementDto extends zodDto('TransitionAgreementDto', TransitionAgreementSchema) {}
export class CreateAmendmentDto extends zodDto('CreateAmendmentDto', CreateAmendmentSchema) {}
export class AddPartyDto extends zodDto('AddPartyDto', AddPartySchema) {}
export class UpdatePartyDto extends zodDto('UpdatePartyDto', UpdatePartySchema) {}
export class CreateCommitmentDto extends zodDto('CreateCommitmentDto', CreateCommitmentSchema) {}
export class UpdateCommitmentDto extends zodDto('UpdateCommitmentDto', UpdateCommitmentSchema) {}
export class ReportProgressDto extends zodDto('ReportProgressDto', ReportProgressSchema) {}
export class CommitmentExportQueryDto extends zodDto('CommitmentExportQueryDto', CommitmentExportQuerySchema) {}
export class CreateIndicatorDto extends zodDto('CreateIndicatorDto', CreateIndicatorSchema) {}
export class UpdateIndicatorDto extends zodDto('UpdateIndicatorDto', UpdateIndicatorSchema) {}
export class RecordMeasurementDto extends zodDto('RecordMeasurementDto', RecordMeasurementSchema) {}
export class ReviewMeasurementDto extends zodDto('ReviewMeasurementDto', ReviewMeasurementSchema) {}

/** Today as YYYY-MM-DD in UTC: the day against which `overdue` and the portfolio's day counts are computed. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

export const mapAgreementState = (row: AgreementRow): AgreementStateDto => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  status: row.status,
  leadOrganizationId: row.leadOrganizationId,
  referenceCode: row.referenceCode,
  summary: row.summary,
  terms: row.terms,
  termsVersion: row.termsVersion,
  thematicAreas: row.thematicAreas,
  countries: row.countries,
  jurisdictions: row.jurisdictions,
  signedOn: row.signedOn,
  effectiveFrom: row.effectiveFrom,
  expiresOn: row.expiresOn,
  nextReviewOn: row.nextReviewOn,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const mapAgreement = (row: AgreementRow, parties: PartyDto[]): AgreementDto => ({
  ...mapAgreementState(row),
  parties,
  allowedTransitions: [...AGREEMENT_TRANSITIONS[row.status]],
});

export const mapAgreementListItem = (row: AgreementListRow): AgreementListItemDto => ({
  ...mapAgreementState(row),
  figures: {
    commitmentsDone: row.commitmentsDone,
    commitmentsTotal: row.commitmentsTotal,
    overdue: row.overdue,
    blocked: row.blocked,
    nextDueOn: row.nextDueOn,
    progressReported: row.progressReported,
    progressVerified: row.progressVerified,
    daysToExpiry: row.daysToExpiry,
    daysToReview: row.daysToReview,
  },
});

export const mapTransition = (row: TransitionRow): TransitionDto => ({ ...row, at: row.at.toISOString() });

export const mapAmendment = (row: AmendmentRow): TermsVersionDto => ({ ...row, createdAt: row.createdAt.toISOString() });

export const mapCommitmentState = (row: CommitmentRow): CommitmentStateDto => ({
  id: row.id,
  agreementId: row.agreementId,
  text: row.text,
  responsibleOrganizationId: row.responsibleOrganizationId,
  thematicArea: row.thematicArea,
  dueOn: row.dueOn,
  status: row.status,
  blockedReason: row.blockedReason,
  budgetAllocated: row.budgetAllocated,
  budgetExecuted: row.budgetExecuted,
  currency: row.currency,
  staffAssigned: row.staffAssigned,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const mapCommitment = (row: CommitmentRow, today: string): CommitmentDto => ({
  ...mapCommitmentState(row),
  overdue: isOverdue(row, today),
  progressReported: row.progressReported,
  progressVerified: row.progressVerified,
  cardsTotal: row.cardsTotal,
  cardsDone: row.cardsDone,
});

export const mapProgress = (row: ProgressRow): ProgressUpdateDto => ({ ...row, at: row.at.toISOString() });
