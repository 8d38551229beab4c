import { Injectable } from '@nestjs/common';
import type { EvidenceFileDto } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { EvidenceFileEntity } from './agreement.entities.js';
import { EVIDENCE_JSON } from './indicators.repository.js';

/** Evidence files: their record, and their bytes in chunks, written and read one chunk at a time. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The record first, so chunks can reference it; `complete` fills in what is known once the bytes are in. */
  async begin(manager: EntityManager, values: Pick<EvidenceFileEntity, 'commitmentId' | 'fileName' | 'uploadedBy'>): Promise<string> {
    const result = await manager.getRepository(EvidenceFileEntity).insert({ ...values, mediaType: 'application/octet-stream', size: 0, sha256: '0'.repeat(64) });
    return result.identifiers[0].id as string;
  }

  async appendChunk(manager: EntityManager, fileId: string, seq: number, data: Buffer): Promise<void> {
    await manager.query('INSERT INTO evidence_chunks (file_id, seq, data) VALUES ($1, $2, $3)', [fileId, seq, data]);
  }

  async complete(manager: EntityManager, fileId: string, values: Pick<EvidenceFileEntity, 'mediaType' | 'size' | 'sha256'>): Promise<EvidenceFileDto> {
    await manager.getRepository(EvidenceFileEntity).update({ id: fileId }, values);
    return (await this.find(fileId, manager))!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<EvidenceFileDto | undefined> {
    const rows: Array<{ file: EvidenceFileDto }> = await manager.query(`SELECT ${EVIDENCE_JSON('e')} AS file FROM evidence_files e WHERE e.id = $1`, [id]);
    return rows[0]?.file;
  }

  /**
   * The oldest evidence uploaded before `cutoff` that no measurement names, with its agreement; locked, and
   * skipped when someone else holds it (a measurement attaching it, or another runner).
   */
  async lockUnattachedBefore(manager: EntityManager, cutoff: Date): Promise<{ file: EvidenceFileDto; agreementId: string } | undefined> {
    const rows: Array<{ file: EvidenceFileDto; agreementId: string }> = await manager.query(
      `SELECT ${EVIDENCE_JSON('e')} AS file, c.agreement_id AS "agreementId"
         FROM evidence_files e JOIN commitments c ON c.id = e.commitment_id
        WHERE e.measurement_id IS NULL AND e.created_at < $1
        ORDER BY e.created_at LIMIT 1 FOR UPDATE OF e SKIP LOCKED`,
      [cutoff],
    );
    return rows[0];
  }

  /** The file and its bytes (its chunks go with it). */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM evidence_files WHERE id = $1', [id]);
  }

  /** The file's bytes, one chunk per query: a large file is never held whole in memory. */
  async *chunks(fileId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows: Array<{ data: Buffer }> = await this.dataSource.query('SELECT data FROM evidence_chunks WHERE file_id = $1 AND seq = $2', [fileId, seq]);
      if (rows.length === 0) return;
      yield rows[0].data;
    }
  }
}
