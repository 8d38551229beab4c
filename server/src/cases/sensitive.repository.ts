import { Injectable } from '@nestjs/common';
import type { SensitiveField, SensitiveViewed } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { WrappedKey } from './sensitive-crypto.js';

export interface StoredDataKey {
  /** Null once destroyed: the case's sensitive fields are erased for good. */
  key: WrappedKey | null;
}

export interface SensitiveViewRow {
  seq: number;
  actorId: string;
  payload: SensitiveViewed;
  at: Date;
}

/** The case's wrapped data key and its sealed sensitive fields: bytes only, never a value in clear. */
@Injectable()
export class SensitiveRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertDataKey(manager: EntityManager, caseId: string, key: WrappedKey): Promise<void> {
    await manager.query(`INSERT INTO case_data_keys (case_id, master_key_id, wrapped) VALUES ($1, $2, $3)`, [caseId, key.masterKeyId, key.wrapped]);
  }

  async dataKey(manager: EntityManager, caseId: string): Promise<StoredDataKey | undefined> {
    const rows: Array<{ master_key_id: string | null; wrapped: Buffer | null }> = await manager.query(
      `SELECT master_key_id, wrapped FROM case_data_keys WHERE case_id = $1`,
      [caseId],
    );
    if (!rows[0]) return undefined;
    const { master_key_id: masterKeyId, wrapped } = rows[0];
    return { key: masterKeyId !== null && wrapped !== null ? { masterKeyId, wrapped } : null };
  }

  async fields(manager: EntityManager, caseId: string, fields: readonly SensitiveField[]): Promise<Array<{ field: SensitiveField; ciphertext: Buffer }>> {
    return manager.query(`SELECT field, ciphertext FROM case_sensitive_fields WHERE case_id = $1 AND field = ANY ($2)`, [caseId, fields]);
  }

  async writeField(manager: EntityManager, caseId: string, field: SensitiveField, ciphertext: Buffer | null, userId: string): Promise<void> {
    if (ciphertext === null) {
      await manager.query(`DELETE FROM case_sensitive_fields WHERE case_id = $1 AND field = $2`, [caseId, field]);
      return;
    }
    await manager.query(
      `INSERT INTO case_sensitive_fields (case_id, field, ciphertext, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id, field) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [caseId, field, ciphertext, userId],
    );
  }

  /** Compare-and-set on the case's `sensitive_version`: the new version, or undefined when someone wrote first. */
  async bumpVersion(manager: EntityManager, caseId: string, version: number): Promise<number | undefined> {
    // TypeORM answers an UPDATE with `[rows, rowCount]`.
    const [rows]: [Array<{ sensitive_version: number }>, number] = await manager.query(
      `UPDATE cases SET sensitive_version = sensitive_version + 1 WHERE workspace_id = $1 AND sensitive_version = $2 RETURNING sensitive_version`,
      [caseId, version],
    );
    return rows[0]?.sensitive_version;
  }

  /** Crypto-shredding: the wrapped data key is overwritten with nothing, and the sealed values go too. */
  async destroy(manager: EntityManager, caseId: string): Promise<boolean> {
    const [, destroyed]: [unknown[], number] = await manager.query(
      `UPDATE case_data_keys SET wrapped = NULL, master_key_id = NULL, destroyed_at = now() WHERE case_id = $1 AND wrapped IS NOT NULL`,
      [caseId],
    );
    await manager.query(`DELETE FROM case_sensitive_fields WHERE case_id = $1`, [caseId]);
    return destroyed === 1;
  }

  /** Closed cases whose data key still exists, closed before `cutoff`. */
  async closedBefore(cutoff: Date, limit: number): Promise<Array<{ caseId: string; closedAt: Date }>> {
    return this.dataSource.query(
      `SELECT c.workspace_id AS "caseId", c.closed_at AS "closedAt" FROM cases c JOIN case_data_keys k ON k.case_id = c.workspace_id
        WHERE c.closed_at < $1 AND k.wrapped IS NOT NULL ORDER BY c.closed_at LIMIT $2`,
      [cutoff, limit],
    );
  }

  /** Data keys not wrapped by `masterKeyId`, for a rotation. */
  async keysNotWrappedBy(masterKeyId: string, limit: number): Promise<Array<{ caseId: string } & WrappedKey>> {
    return this.dataSource.query(
      `SELECT case_id AS "caseId", master_key_id AS "masterKeyId", wrapped FROM case_data_keys
        WHERE wrapped IS NOT NULL AND master_key_id <> $1 LIMIT $2`,
      [masterKeyId, limit],
    );
  }

  /** Replaces one wrapped key, only if it is still the one read (a concurrent rotation changes nothing twice). */
  async rewrap(caseId: string, from: WrappedKey, to: WrappedKey): Promise<void> {
    await this.dataSource.query(
      `UPDATE case_data_keys SET master_key_id = $2, wrapped = $3 WHERE case_id = $1 AND master_key_id = $4 AND wrapped = $5`,
      [caseId, to.masterKeyId, to.wrapped, from.masterKeyId, from.wrapped],
    );
  }

  /**
   * For someone who joined the case through accepted referrals: the fields the consents behind them still share
   * (valid on `today`, not revoked). Undefined for anyone else, whom only the role rules limit.
   */
  async consentedFields(manager: EntityManager, caseId: string, userId: string, today: string): Promise<SensitiveField[] | undefined> {
    const rows: Array<{ shared_fields: SensitiveField[]; valid: boolean }> = await manager.query(
      `SELECT k.shared_fields, (k.revoked_at IS NULL AND k.valid_until >= $3::date) AS valid
         FROM referral_members rm JOIN referrals r ON r.id = rm.referral_id JOIN case_consents k ON k.id = r.consent_id
        WHERE r.case_id = $1 AND rm.user_id = $2`,
      [caseId, userId, today],
    );
    if (rows.length === 0) return undefined;
    return [...new Set(rows.filter((row) => row.valid).flatMap((row) => row.shared_fields))];
  }

  /** Who read the case's sensitive fields, from the audit log itself, newest first. */
  views(caseId: string): Promise<SensitiveViewRow[]> {
    return this.dataSource.query(
      `SELECT seq::int AS seq, actor_id AS "actorId", payload, at FROM workspace_events
        WHERE workspace_id = $1 AND type = 'case.sensitive_viewed' ORDER BY seq DESC LIMIT 500`,
      [caseId],
    );
  }
}
