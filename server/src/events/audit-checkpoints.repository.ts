import { Injectable } from '@nestjs/common';
import type { AuditCheckpointDto } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';

interface CheckpointRow {
  workspace_id: string;
  seq: string;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

const COLUMNS = 'workspace_id, seq, hash, signed_at, key_id, signature';

const mapCheckpoint = (row: CheckpointRow): AuditCheckpointDto => ({
  workspaceId: row.workspace_id,
  seq: Number(row.seq),
  hash: row.hash,
  signedAt: row.signed_at.toISOString(),
  keyId: row.key_id,
  signature: row.signature,
});

@Injectable()
export class AuditCheckpointsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspace's head, locked until the transaction ends: no event is appended while a checkpoint is taken. */
  async lockHead(manager: EntityManager, workspaceId: string): Promise<{ seq: number; hash: string } | undefined> {
    const rows: Array<{ seq: string; hash: string }> = await manager.query(
      'SELECT seq, hash FROM workspace_event_heads WHERE workspace_id = $1 FOR UPDATE',
      [workspaceId],
    );
    return rows.length > 0 ? { seq: Number(rows[0].seq), hash: rows[0].hash } : undefined;
  }

  async latest(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<AuditCheckpointDto | undefined> {
    const rows: CheckpointRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM audit_checkpoints WHERE workspace_id = $1 ORDER BY seq DESC LIMIT 1`,
      [workspaceId],
    );
    return rows.length > 0 ? mapCheckpoint(rows[0]) : undefined;
  }

  /** Stores the checkpoint unless one for the same seq exists; says whether it did. */
  async insert(manager: EntityManager, checkpoint: AuditCheckpointDto): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO audit_checkpoints (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace_id, seq) DO NOTHING RETURNING seq`,
      [checkpoint.workspaceId, checkpoint.seq, checkpoint.hash, checkpoint.signedAt, checkpoint.keyId, checkpoint.signature],
    );
    return rows.length > 0;
  }

  /** The checkpoints after `afterSeq`, oldest first. */
  async after(workspaceId: string, afterSeq: number, limit: number): Promise<AuditCheckpointDto[]> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_checkpoints WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [workspaceId, afterSeq, limit],
    );
    return rows.map(mapCheckpoint);
  }
}
