import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('workspace_events')
export class WorkspaceEventEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId: string;

  /** bigint comes back from pg as a string; the transformer keeps it a number (2^53 events is plenty). */
  @PrimaryColumn('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;

  @Column('text')
  type: string;

  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Column('uuid', { name: 'entity_id' })
  entityId: string;

  @Column('jsonb')
  payload: unknown;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('timestamptz')
  at: Date;

  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  @Column('text')
  hash: string;
}
