import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  SENSITIVE_FIELDS,
  type Page,
  type SensitiveChanged,
  type SensitiveField,
  type SensitiveRecordDto,
  type SensitiveViewDto,
  type SensitiveWriteResultDto,
  type ViewSensitiveInput,
  type WriteSensitiveInput,
} from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { AccessService } from '../workspaces/access.service.js';
import { CasesRepository } from './cases.repository.js';
import { Keyring, decryptField, encryptField, fieldDigest } from './sensitive-crypto.js';
import { SensitiveRepository } from './sensitive.repository.js';

/**
 * The case record's sensitive fields: sealed under the case's data key, read and written only by those the
 * shared rules allow (owners, coordinators, contributors with the sensitive-access grant; never observers,
 * never platform admins as such), each read audited as `case.sensitive_viewed` in the same transaction as
 * the read, each write as `case.sensitive_changed` with keyed digests. No value is ever logged or recorded.
 */
@Injectable()
export class SensitiveService {
  private readonly logger = new Logger(SensitiveService.name);
  readonly keyring: Keyring;

  constructor(
    @Inject(CONFIG) config: Config,
    private readonly sensitive: SensitiveRepository,
    private readonly cases: CasesRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.keyring = new Keyring(config.dataEncryption.current, config.dataEncryption.previous);
  }

  async createDataKey(tx: Tx, caseId: string): Promise<void> {
    const { masterKeyId, wrapped } = this.keyring.newDataKey(caseId);
    await this.sensitive.insertDataKey(tx.manager, caseId, { masterKeyId, wrapped });
  }

  /**
   * The fields asked for (by default all the reader may see), with exactly one audit event naming them, the
   * reader and the reason. Someone who joined through a referral sees only what its consent shares.
   */
  async view(auth: AuthUser, caseId: string, input: ViewSensitiveInput): Promise<SensitiveRecordDto> {
    let fields: SensitiveField[] = [];
    const result = await this.unitOfWork.run(auth.id, async (tx) => {
      (await this.access.workspace(auth, caseId, tx.manager)).require('read', 'CaseSensitive');
      fields = await this.permittedFields(tx, caseId, auth.id, input.fields);
      const row = await this.cases.find(caseId, tx.manager);
      const stored = await this.sensitive.dataKey(tx.manager, caseId);
      if (!row || !stored) throw notFound('Case');
      const values: SensitiveRecordDto['fields'] = Object.fromEntries(fields.map((field) => [field, null]));
      if (stored.key) {
        const dataKey = this.keyring.unwrap(caseId, stored.key);
        for (const { field, ciphertext } of await this.sensitive.fields(tx.manager, caseId, fields)) values[field] = decryptField(dataKey, caseId, field, ciphertext);
      }
      tx.record({ workspaceId: caseId, type: 'case.sensitive_viewed', entityId: caseId, payload: { caseId, readerId: auth.id, fields, reason: input.reason } });
      return { caseId, version: row.sensitiveVersion, fields: values, erased: stored.key === null };
    });
    this.logger.log(`Sensitive fields of case ${caseId} read by ${auth.id}: ${fields.join(', ')}`);
    return result;
  }

  /** Sets (or, with null, clears) the given fields; the event names them with keyed digests, never the values. */
  async write(auth: AuthUser, caseId: string, input: WriteSensitiveInput): Promise<SensitiveWriteResultDto> {
    const entries = Object.entries(input.fields) as Array<[SensitiveField, string | null]>;
    const result = await this.unitOfWork.run(auth.id, async (tx) => {
      (await this.access.workspace(auth, caseId, tx.manager)).require('update', 'CaseSensitive');
      await this.permittedFields(tx, caseId, auth.id, entries.map(([field]) => field));
      const row = await this.cases.lock(caseId, tx.manager);
      const stored = await this.sensitive.dataKey(tx.manager, caseId);
      if (!row || !stored) throw notFound('Case');
      if (!stored.key) throw new AppError('SENSITIVE_ERASED', 'This case’s sensitive fields were erased at the end of its retention period');
      if (input.version !== row.sensitiveVersion) throw versionConflict('case’s sensitive fields', { caseId, version: row.sensitiveVersion });
      const dataKey = this.keyring.unwrap(caseId, stored.key);
      const changed: SensitiveChanged['fields'] = [];
      for (const [field, value] of entries) {
        await this.sensitive.writeField(tx.manager, caseId, field, value === null ? null : encryptField(dataKey, caseId, field, value), auth.id);
        changed.push({ field, digest: value === null ? null : fieldDigest(dataKey, field, value) });
      }
      const version = (await this.sensitive.bumpVersion(tx.manager, caseId, row.sensitiveVersion))!;
      tx.record({ workspaceId: caseId, type: 'case.sensitive_changed', entityId: caseId, payload: { caseId, version, fields: changed } });
      return { caseId, version, changed: changed.map(({ field }) => field) };
    });
    this.logger.log(`Sensitive fields of case ${caseId} written by ${auth.id}: ${result.changed.join(', ')}`);
    return result;
  }

  /**
   * `asked` (all when absent) within what consent allows a member who joined through a referral: beyond it is
   * 403 with the fields refused; everyone else is limited by the role rules only.
   */
  private async permittedFields(tx: Tx, caseId: string, userId: string, asked: readonly SensitiveField[] | undefined): Promise<SensitiveField[]> {
    const consented = await this.sensitive.consentedFields(tx.manager, caseId, userId, new Date().toISOString().slice(0, 10));
    if (!consented) return [...(asked ?? SENSITIVE_FIELDS)];
    const wanted = asked ?? SENSITIVE_FIELDS.filter((field) => consented.includes(field));
    const refused = asked ? asked.filter((field) => !consented.includes(field)) : [];
    if (wanted.length === 0) throw new AppError('FORBIDDEN', 'The person’s consent shares no sensitive field with your organisation');
    if (refused.length > 0) throw new AppError('FORBIDDEN', 'The person’s consent does not share these fields with your organisation', { fields: refused });
    return [...wanted];
  }

  /** Who read the sensitive fields, when, which and why: from the audit log, for owners. */
  async views(auth: AuthUser, caseId: string): Promise<Page<SensitiveViewDto>> {
    (await this.access.workspace(auth, caseId)).require('read', 'CaseViews');
    const rows = await this.sensitive.views(caseId);
    return { items: rows.map((row) => ({ seq: row.seq, readerId: row.payload.readerId, fields: row.payload.fields, reason: row.payload.reason, at: new Date(row.at).toISOString() })) };
  }

  /**
   * Crypto-shredding of every case closed before `cutoff`: destroys each one's data key (and the sealed values with it), recorded as
   * `case.sensitive_erased`. The event log, which never held a value, stays whole and verifiable.
   */
  async eraseClosedBefore(cutoff: Date): Promise<number> {
    let erased = 0;
    for (let batch = await this.sensitive.closedBefore(cutoff, 100); batch.length > 0; batch = await this.sensitive.closedBefore(cutoff, 100)) {
      for (const { caseId, closedAt } of batch) if (await this.erase(caseId, closedAt)) erased += 1;
    }
    return erased;
  }

  private async erase(caseId: string, closedAt: Date): Promise<boolean> {
    const erased = await this.unitOfWork.run(null, async (tx) => {
      const destroyed = await this.sensitive.destroy(tx.manager, caseId);
      if (destroyed) tx.record({ workspaceId: caseId, type: 'case.sensitive_erased', entityId: caseId, payload: { caseId, closedAt: closedAt.toISOString() } });
      return destroyed;
    });
    if (erased) this.logger.log(`Sensitive fields of case ${caseId} erased (closed ${closedAt.toISOString()})`);
    return erased;
  }
}
