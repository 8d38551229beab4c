import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InvitationStatus, Locale, WorkspaceRole } from '@enlace/shared';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @Column('text')
  email: string;

  @Column('text')
  role: WorkspaceRole;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  /** The agreement party the person is invited on behalf of: suggested to them, deciding nothing. */
  @Column('uuid', { name: 'party_organization_id', nullable: true })
  partyOrganizationId: string | null;

  @Column('text', { nullable: true })
  message: string | null;

  /** SHA-256 of the token; the token itself is never stored. */
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('uuid', { name: 'invited_by' })
  invitedBy: string;

  @Column('text')
  status: InvitationStatus;

  /** The e-mail's language when the inviter chose one. */
  @Column('text', { nullable: true })
  locale: Locale | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column('uuid', { name: 'accepted_by', nullable: true })
  acceptedBy: string | null;
}
