import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WorkspaceRole } from '@enlace/shared';

@Entity('workspace_members')
export class WorkspaceMemberEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  role: WorkspaceRole;

  @Column('boolean', { name: 'sensitive_access' })
  sensitiveAccess: boolean;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'joined_at' })
  joinedAt: Date;
}
