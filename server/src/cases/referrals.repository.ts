import { Injectable } from '@nestjs/common';
import type { ConsentDto, IncomingReferralDto, ReferralDto, ReferralService, ReferralStatus } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { ConsentEntity, ReferralEntity } from './case.entities.js';

export type ConsentRow = Omit<ConsentDto, 'recordedAt' | 'revokedAt'> & { recordedAt: Date; revokedAt: Date | null };
export type ReferralRow = Omit<ReferralDto, 'createdAt' | 'decidedAt' | 'completedAt'> & { createdAt: Date; decidedAt: Date | null; completedAt: Date | null };
export type IncomingReferralRow = Omit<IncomingReferralDto, 'createdAt' | 'decidedAt' | 'completedAt'> & { createdAt: Date; decidedAt: Date | null; completedAt: Date | null };
export interface ReferralChanges {
  status: ReferralStatus;
  decidedBy?: string;
  declineReason?: string;
  completionNote?: string | null;
  decided?: boolean;
  completed?: boolean;
}

const CONSENT_SELECT = `SELECT k.id, k.case_id AS "caseId", k.recipient_organization_id AS "recipientOrganizationId", o.name AS "recipientOrganizationName",
  k.purpose, k.given_by AS "givenBy", k.given_on::text AS "givenOn", k.valid_until::text AS "validUntil", k.shared_fields AS "sharedFields",
  k.life_risk_exception AS "lifeRiskException", k.justification, k.recorded_by AS "recordedBy", k.recorded_at AS "recordedAt",
  k.revoked_at AS "revokedAt", k.revoked_by AS "revokedBy", k.revoke_reason AS "revokeReason"
  FROM case_consents k JOIN organizations o ON o.id = k.recipient_organization_id`;

const REFERRAL_SELECT = `SELECT r.id, r.case_id AS "caseId", c.code AS "caseCode", r.from_organization_id AS "fromOrganizationId",
  r.to_organization_id AS "toOrganizationId", o.name AS "toOrganizationName", r.service, r.urgency, r.note, r.consent_id AS "consentId",
  r.status, r.decline_reason AS "declineReason", r.completion_note AS "completionNote",
  ARRAY(SELECT rm.user_id FROM referral_members rm WHERE rm.referral_id = r.id ORDER BY rm.user_id) AS "acceptedUserIds",
  r.created_by AS "createdBy", r.created_at AS "createdAt", r.decided_by AS "decidedBy", r.decided_at AS "decidedAt",
  r.completed_at AS "completedAt", r.version
  FROM referrals r JOIN cases c ON c.workspace_id = r.case_id JOIN organizations o ON o.id = r.to_organization_id`;

/** Only what the consent lets the receiving organisation see: never a sensitive value, never the note. */
const INCOMING_SELECT = `SELECT r.id, r.case_id AS "caseId", c.code AS "caseCode", f.name AS "fromOrganizationName", r.service, r.urgency,
  c.jurisdiction, k.shared_fields AS "sharedFields", r.status, r.created_at AS "createdAt", r.decided_at AS "decidedAt",
  r.completed_at AS "completedAt", r.version
  FROM referrals r JOIN cases c ON c.workspace_id = r.case_id JOIN case_consents k ON k.id = r.consent_id
  JOIN organizations f ON f.id = r.from_organization_id`;

/** Consents, referrals and who joined a case through each referral. */
@Injectable()
export class ReferralsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async organizationExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM organizations WHERE id = $1`, [id]);
    return rows.length === 1;
  }

  async insertConsent(manager: EntityManager, values: Omit<ConsentEntity, 'id'>): Promise<ConsentRow> {
    const result = await manager.getRepository(ConsentEntity).insert(values);
    return (await this.consent(manager, result.identifiers[0].id as string))!;
  }

  /** `lock`: FOR UPDATE to revoke it, FOR SHARE to refer under it, so a referral never outlives a revocation it raced. */
  async consent(manager: EntityManager, id: string, lock?: 'update' | 'share'): Promise<ConsentRow | undefined> {
    const rows: ConsentRow[] = await manager.query(`${CONSENT_SELECT} WHERE k.id = $1 ${lock ? `FOR ${lock.toUpperCase()} OF k` : ''}`, [id]);
    return rows[0];
  }

  consents(caseId: string): Promise<ConsentRow[]> {
    return this.dataSource.query(`${CONSENT_SELECT} WHERE k.case_id = $1 ORDER BY k.recorded_at, k.id`, [caseId]);
  }

  /** The consents for this recipient and purpose, the most recently recorded first. */
  async consentsFor(manager: EntityManager, caseId: string, organizationId: string, purpose: ReferralService): Promise<ConsentRow[]> {
    return manager.query(`${CONSENT_SELECT} WHERE k.case_id = $1 AND k.recipient_organization_id = $2 AND k.purpose = $3 ORDER BY k.recorded_at DESC, k.id`, [
      caseId,
      organizationId,
      purpose,
    ]);
  }

  async revokeConsent(manager: EntityManager, id: string, userId: string, reason: string): Promise<ConsentRow> {
    await manager.query(`UPDATE case_consents SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1`, [id, userId, reason]);
    return (await this.consent(manager, id))!;
  }

  async insertReferral(manager: EntityManager, values: Omit<ReferralEntity, 'id' | 'status'>): Promise<ReferralRow> {
    const result = await manager.getRepository(ReferralEntity).insert({ ...values, status: 'sent' });
    return (await this.referral(manager, result.identifiers[0].id as string))!;
  }

  async referral(manager: EntityManager, id: string, lock = false): Promise<ReferralRow | undefined> {
    const rows: ReferralRow[] = await manager.query(`${REFERRAL_SELECT} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]);
    return rows[0];
  }

  referrals(caseId: string): Promise<ReferralRow[]> {
    return this.dataSource.query(`${REFERRAL_SELECT} WHERE r.case_id = $1 ORDER BY r.created_at, r.id`, [caseId]);
  }

  /** Referrals under a consent that still give or may give access: sent or accepted (or completed). */
  async openUnderConsent(manager: EntityManager, consentId: string): Promise<ReferralRow[]> {
    return manager.query(`${REFERRAL_SELECT} WHERE r.consent_id = $1 AND r.status IN ('sent', 'accepted', 'completed') ORDER BY r.created_at FOR UPDATE OF r`, [consentId]);
  }

  /** Compare-and-set on `version`: undefined when someone else changed the referral first. */
  async updateReferral(manager: EntityManager, id: string, version: number, changes: ReferralChanges): Promise<ReferralRow | undefined> {
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE referrals SET status = $3, version = version + 1,
         decided_by = COALESCE($4, decided_by), decline_reason = COALESCE($5, decline_reason), completion_note = COALESCE($6, completion_note),
         decided_at = CASE WHEN $7 THEN now() ELSE decided_at END, completed_at = CASE WHEN $8 THEN now() ELSE completed_at END
       WHERE id = $1 AND version = $2`,
      [id, version, changes.status, changes.decidedBy ?? null, changes.declineReason ?? null, changes.completionNote ?? null, changes.decided ?? false, changes.completed ?? false],
    );
    return updated === 1 ? this.referral(manager, id) : undefined;
  }

  async addMembers(manager: EntityManager, referralId: string, userIds: string[]): Promise<void> {
    if (userIds.length > 0) await manager.query(`INSERT INTO referral_members (referral_id, user_id) SELECT $1, unnest($2::uuid[])`, [referralId, userIds]);
  }

  /** Of `userIds`, those with an active account in `organizationId`. */
  async peopleOf(manager: EntityManager, organizationId: string, userIds: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE organization_id = $1 AND id = ANY ($2::uuid[]) AND disabled_at IS NULL`, [
      organizationId,
      userIds,
    ]);
    return rows.map((row) => row.id);
  }

  /** The receiving organisation's inbox, newest first. */
  incoming(organizationId: string, status?: ReferralStatus): Promise<IncomingReferralRow[]> {
    return this.dataSource.query(`${INCOMING_SELECT} WHERE r.to_organization_id = $1 AND ($2::text IS NULL OR r.status = $2) ORDER BY r.created_at DESC, r.id LIMIT 500`, [
      organizationId,
      status ?? null,
    ]);
  }

  async incomingOne(manager: EntityManager, id: string): Promise<IncomingReferralRow | undefined> {
    const rows: IncomingReferralRow[] = await manager.query(`${INCOMING_SELECT} WHERE r.id = $1`, [id]);
    return rows[0];
  }
}
