import {
  AcceptReferralSchema,
  CASE_STAGE_TRANSITIONS,
  CountrySettingsInputSchema,
  reflectionEndsOn,
  CaseListQuerySchema,
  CaseStatisticsQuerySchema,
  CompleteReferralSchema,
  CreateCaseSchema,
  CreateReferralSchema,
  DeclineReferralSchema,
  IncomingReferralQuerySchema,
  RecordConsentSchema,
  RevokeConsentSchema,
  TransitionCaseSchema,
  UpdateCaseSchema,
  ViewSensitiveSchema,
  WriteSensitiveSchema,
  type CaseDetails,
  type CaseDto,
  type CaseStateDto,
  type CaseTransitionDto,
} from '@enlace/shared';
import { zodDto } from '../common/validation/zod-dto.js';
import type { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import type { CaseEntity } from './case.entities.js';
import type { CaseRow, CaseTransitionRow } from './cases.repository.js';

export class CreateCaseDto extends zodDto('CreateCaseDto', CreateCaseSchema) {}
export class UpdateCaseDto extends zodDto('UpdateCaseDto', UpdateCaseSchema) {}
export class TransitionCaseDto extends zodDto('TransitionCaseDto', TransitionCaseSchema) {}
export class CaseListQueryDto extends zodDto('CaseListQueryDto', CaseListQuerySchema) {}
export class WriteSensitiveDto extends zodDto('WriteSensitiveDto', WriteSensitiveSchema) {}
export class ViewSensitiveDto extends zodDto('ViewSensitiveDto', ViewSensitiveSchema) {}
export class RecordConsentDto extends zodDto('RecordConsentDto', RecordConsentSchema) {}
export class RevokeConsentDto extends zodDto('RevokeConsentDto', RevokeConsentSchema) {}
export class CreateReferralDto extends zodDto('CreateReferralDto', CreateReferralSchema) {}
export class AcceptReferralDto extends zodDto('AcceptReferralDto', AcceptReferralSchema) {}
export class DeclineReferralDto extends zodDto('DeclineReferralDto', DeclineReferralSchema) {}
export class CompleteReferralDto extends zodDto('CompleteReferralDto', CompleteReferralSchema) {}
export class CaseStatisticsQueryDto extends zodDto('CaseStatisticsQueryDto', CaseStatisticsQuerySchema) {}
export class CountrySettingsInputDto extends zodDto('CountrySettingsInputDto', CountrySettingsInputSchema) {}
export class IncomingReferralQueryDto extends zodDto('IncomingReferralQueryDto', IncomingReferralQuerySchema) {}

/** A new case's row: the fields given at creation, defaults for the others. */
export const newCaseValues = (
  workspace: Pick<WorkspaceEntity, 'id' | 'leadOrganizationId'>,
  code: string,
  country: string,
  fields: CaseDetails,
  reflectionDays: number | null,
): Omit<CaseEntity, 'stage' | 'sensitiveVersion' | 'closedAt' | 'version' | 'updatedAt'> => ({
  workspaceId: workspace.id,
  code,
  country,
  leadOrganizationId: workspace.leadOrganizationId,
  exploitationTypes: fields.exploitationTypes ?? [],
  jurisdiction: fields.jurisdiction ?? null,
  identifiedOn: fields.identifiedOn ?? null,
  riskLevel: fields.riskLevel ?? 'unknown',
  consentDataSharing: fields.consentDataSharing ?? false,
  consentReferral: fields.consentReferral ?? false,
  cooperatesWithAuthorities: fields.cooperatesWithAuthorities ?? null,
  reflectionStartedOn: fields.reflectionStartedOn ?? null,
  reflectionDays,
});

/** The non-sensitive record, field by field: a sensitive field cannot get in by a spread. */
export const mapCaseState = (row: CaseRow): CaseStateDto => ({
  id: row.id,
  title: row.title,
  code: row.code,
  country: row.country,
  leadOrganizationId: row.leadOrganizationId,
  stage: row.stage,
  exploitationTypes: row.exploitationTypes,
  jurisdiction: row.jurisdiction,
  identifiedOn: row.identifiedOn,
  riskLevel: row.riskLevel,
  consentDataSharing: row.consentDataSharing,
  consentReferral: row.consentReferral,
  cooperatesWithAuthorities: row.cooperatesWithAuthorities,
  reflection:
    row.reflectionStartedOn !== null && row.reflectionDays !== null
      ? { startsOn: row.reflectionStartedOn, days: row.reflectionDays, endsOn: reflectionEndsOn(row.reflectionStartedOn, row.reflectionDays) }
      : null,
  closedAt: row.closedAt?.toISOString() ?? null,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const DAY_MS = 86_400_000;

/** The record as a response: with where its stage may go and, as of `today` (UTC), the reflection period's days left. */
export function mapCase(row: CaseRow, today = new Date().toISOString().slice(0, 10)): CaseDto {
  const state = mapCaseState(row);
  const left = state.reflection && Math.max(0, (Date.parse(state.reflection.endsOn) - Date.parse(today)) / DAY_MS + 1);
  return { ...state, allowedTransitions: [...CASE_STAGE_TRANSITIONS[row.stage]], reflectionDaysLeft: left ?? null };
}

export const mapCaseTransition = (row: CaseTransitionRow): CaseTransitionDto => ({ ...row, at: row.at.toISOString() });
