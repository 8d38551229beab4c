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

  /** An owner's grant to a member of a law-enforcement organisation to read the case's assistance track. */
  @Column('boolean', { name: 'assistance_access' })
  assistanceAccess: boolean;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'joined_at' })
  joinedAt: Date;
}

/** A membership as authorisation reads it: with whether the member's organisation is a law-enforcement one. */
export type Membership = WorkspaceMemberEntity & { lawEnforcement: boolean };
