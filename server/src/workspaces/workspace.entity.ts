import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkspaceKind, WorkspaceStatus } from '@enlace/shared';

@Entity('workspaces')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: WorkspaceKind;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('uuid', { name: 'lead_organization_id', nullable: true })
  leadOrganizationId: string | null;

  @Column('text')
  status: WorkspaceStatus;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
