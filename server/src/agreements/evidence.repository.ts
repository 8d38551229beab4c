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

  /** The file's bytes, one chunk per query: a large file is never held whole in memory. */
  async *chunks(fileId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows: Array<{ data: Buffer }> = await this.dataSource.query('SELECT data FROM evidence_chunks WHERE file_id = $1 AND seq = $2', [fileId, seq]);
      if (rows.length === 0) return;
      yield rows[0].data;
    }
  }
}
