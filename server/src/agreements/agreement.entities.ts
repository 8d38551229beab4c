import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AgreementKind, AgreementStatus, CommitmentStatus, IndicatorCategory, IndicatorDirection, MeasurementStatus, PartyRole, ReportingFrequency, ThematicArea } from '@enlace/shared';

/**
 * The agreement tables as TypeORM writes them. Reads go through the repositories' SELECT lists, which
 * give dates and amounts as text (no time zone or float ever touches them) and join what a response needs.
 */
@Entity('agreements')
export class AgreementEntity {
  /** The agreement workspace's id, which is the agreement's own. */
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @Column('uuid', { name: 'lead_organization_id', nullable: true })
  leadOrganizationId: string | null;

  @Column('text')
  kind: AgreementKind;

  @Column('text')
  status: AgreementStatus;

  @Column('text', { name: 'reference_code', nullable: true })
  referenceCode: string | null;

  @Column('text')
  summary: string;

  @Column('text')
  terms: string;

  @Column('text', { name: 'thematic_areas', array: true })
  thematicAreas: ThematicArea[];

  @Column('text', { array: true })
  countries: string[];

  @Column('text', { array: true })
  jurisdictions: string[];

  @Column('date', { name: 'signed_on', nullable: true })
  signedOn: string | null;

  @Column('date', { name: 'effective_from', nullable: true })
  effectiveFrom: string | null;

  @Column('date', { name: 'expires_on', nullable: true })
  expiresOn: string | null;

  @Column('date', { name: 'next_review_on', nullable: true })
  nextReviewOn: string | null;

  /** The number of the amendment whose terms are current; 0 while the original terms are. */
  @Column('integer', { name: 'terms_version' })
  termsVersion: number;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

@Entity('agreement_parties')
export class PartyEntity {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  role: PartyRole;

  @Column('uuid', { name: 'contact_user_id', nullable: true })
  contactUserId: string | null;

  @Column('date', { name: 'signed_on', nullable: true })
  signedOn: string | null;

  @Column('integer')
  version: number;
}

@Entity('agreement_transitions')
export class TransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Column('text', { name: 'from_status' })
  from: AgreementStatus;

  @Column('text', { name: 'to_status' })
  to: AgreementStatus;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { name: 'actor_id' })
  actorId: string;
}

@Entity('agreement_amendments')
export class AmendmentEntity {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId: string;

  @PrimaryColumn('integer')
  number: number;

  @Column('date', { name: 'amended_on' })
  amendedOn: string;

  @Column('text')
  summary: string;

  @Column('text')
  terms: string;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;
}

@Entity('commitments')
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Column('text')
  text: string;

  @Column('uuid', { name: 'responsible_organization_id' })
  responsibleOrganizationId: string;

  @Column('text', { name: 'thematic_area' })
  thematicArea: ThematicArea;

  @Column('date', { name: 'due_on', nullable: true })
  dueOn: string | null;

  @Column('text')
  status: CommitmentStatus;

  @Column('text', { name: 'blocked_reason', nullable: true })
  blockedReason: string | null;

  @Column('numeric', { name: 'budget_allocated', nullable: true })
  budgetAllocated: string | null;

  @Column('numeric', { name: 'budget_executed', nullable: true })
  budgetExecuted: string | null;

  @Column('char', { length: 3, nullable: true })
  currency: string | null;

  @Column('integer', { name: 'staff_assigned', nullable: true })
  staffAssigned: number | null;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

@Entity('commitment_progress')
export class ProgressEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'commitment_id' })
  commitmentId: string;

  @Column('text')
  note: string;

  @Column('text', { name: 'status_from' })
  statusFrom: CommitmentStatus;

  @Column('text', { name: 'status_to' })
  statusTo: CommitmentStatus;

  @Column('text', { name: 'blocked_reason', nullable: true })
  blockedReason: string | null;

  @Column('uuid', { name: 'author_id' })
  authorId: string;
}

@Entity('indicators')
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'commitment_id' })
  commitmentId: string;

  @Column('text')
  name: string;

  @Column('text')
  unit: string;

  @Column('text')
  category: IndicatorCategory;

  @Column('text')
  direction: IndicatorDirection;

  @Column('numeric')
  baseline: number;

  @Column('numeric')
  target: number;

  @Column('text')
  frequency: ReportingFrequency;

  @Column('text', { name: 'means_of_verification' })
  meansOfVerification: string;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** Written once; afterwards only its review (status, reviewer, reason) changes, and never once verified. */
@Entity('measurements')
export class MeasurementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'indicator_id' })
  indicatorId: string;

  @Column('date', { name: 'period_start' })
  periodStart: string;

  @Column('date', { name: 'period_end' })
  periodEnd: string;

  @Column('numeric')
  value: number;

  @Column('text')
  note: string;

  @Column('text')
  status: MeasurementStatus;

  @Column('uuid', { name: 'supersedes_id', nullable: true })
  supersedesId: string | null;

  @Column('uuid', { name: 'reported_by' })
  reportedBy: string;

  @Column('uuid', { name: 'reported_by_organization_id', nullable: true })
  reportedByOrganizationId: string | null;

  @Column('uuid', { name: 'reviewed_by', nullable: true })
  reviewedBy: string | null;

  @Column('uuid', { name: 'reviewed_by_organization_id', nullable: true })
  reviewedByOrganizationId: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @Column('text', { name: 'dispute_reason', nullable: true })
  disputeReason: string | null;

  @Column('integer')
  version: number;
}

/** An evidence file's record; its bytes are in `evidence_chunks`, written and read with plain SQL. */
@Entity('evidence_files')
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'commitment_id' })
  commitmentId: string;

  @Column('uuid', { name: 'measurement_id', nullable: true })
  measurementId: string | null;

  @Column('text', { name: 'file_name' })
  fileName: string;

  @Column('text', { name: 'media_type' })
  mediaType: string;

  @Column('bigint')
  size: number;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('uuid', { name: 'uploaded_by' })
  uploadedBy: string;
}
