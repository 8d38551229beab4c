import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStage, ConsentGiver, ExploitationType, ReferralService, ReferralStatus, ReferralUrgency, RiskLevel, SensitiveField } from '@enlace/shared';

/**
 * The case tables as TypeORM writes them. Reads go through the SELECT lists below, which give dates as text
 * (no time zone ever shifts a day) and join what a response needs. The sensitive fields and data keys have no
 * entity: only `sensitive.repository.ts` touches them, as bytes.
 */
@Entity('cases')
export class CaseEntity {
  /** The case workspace's id, which is the case's own. */
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @Column('text')
  code: string;

  @Column('char', { length: 2 })
  country: string;

  @Column('uuid', { name: 'lead_organization_id', nullable: true })
  leadOrganizationId: string | null;

  @Column('text')
  stage: CaseStage;

  @Column('text', { name: 'exploitation_types', array: true })
  exploitationTypes: ExploitationType[];

  @Column('text', { nullable: true })
  jurisdiction: string | null;

  @Column('date', { name: 'identified_on', nullable: true })
  identifiedOn: string | null;

  @Column('text', { name: 'risk_level' })
  riskLevel: RiskLevel;

  @Column('boolean', { name: 'consent_data_sharing' })
  consentDataSharing: boolean;

  @Column('boolean', { name: 'consent_referral' })
  consentReferral: boolean;

  /** Recorded for the justice track; never a condition of assistance or referral. */
  @Column('boolean', { name: 'cooperates_with_authorities', nullable: true })
  cooperatesWithAuthorities: boolean | null;

  @Column('date', { name: 'reflection_started_on', nullable: true })
  reflectionStartedOn: string | null;

  /** The country's reflection period when this one started: a later change of the setting does not move it. */
  @Column('integer', { name: 'reflection_days', nullable: true })
  reflectionDays: number | null;

  @Column('integer', { name: 'sensitive_version' })
  sensitiveVersion: number;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** The case with its workspace's title, as every read returns it. */
export const CASE_COLUMNS = `c.workspace_id AS id, w.title, c.code, c.country, c.lead_organization_id AS "leadOrganizationId", c.stage,
  c.exploitation_types AS "exploitationTypes", c.jurisdiction, c.identified_on::text AS "identifiedOn", c.risk_level AS "riskLevel",
  c.consent_data_sharing AS "consentDataSharing", c.consent_referral AS "consentReferral",
  c.cooperates_with_authorities AS "cooperatesWithAuthorities", c.reflection_started_on::text AS "reflectionStartedOn", c.reflection_days AS "reflectionDays",
  c.sensitive_version AS "sensitiveVersion", c.closed_at AS "closedAt",
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
export const CASE_FROM = `FROM cases c JOIN workspaces w ON w.id = c.workspace_id`;

@Entity('case_transitions')
export class CaseTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text', { name: 'from_stage' })
  from: CaseStage;

  @Column('text', { name: 'to_stage' })
  to: CaseStage;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { name: 'actor_id' })
  actorId: string;
}

@Entity('case_consents')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'recipient_organization_id' })
  recipientOrganizationId: string;

  @Column('text')
  purpose: ReferralService;

  @Column('text', { name: 'given_by', nullable: true })
  givenBy: ConsentGiver | null;

  @Column('date', { name: 'given_on' })
  givenOn: string;

  @Column('date', { name: 'valid_until' })
  validUntil: string;

  @Column('text', { name: 'shared_fields', array: true })
  sharedFields: SensitiveField[];

  @Column('boolean', { name: 'life_risk_exception' })
  lifeRiskException: boolean;

  @Column('text', { nullable: true })
  justification: string | null;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy: string;
}

@Entity('referrals')
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'consent_id' })
  consentId: string;

  @Column('uuid', { name: 'from_organization_id' })
  fromOrganizationId: string;

  @Column('uuid', { name: 'to_organization_id' })
  toOrganizationId: string;

  @Column('text')
  service: ReferralService;

  @Column('text')
  urgency: ReferralUrgency;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text')
  status: ReferralStatus;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;
}
