import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, OrgRole } from '@enlace/shared';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  @Column('text', { name: 'org_role' })
  orgRole: OrgRole;

  @Column('boolean', { name: 'platform_admin', default: false })
  platformAdmin: boolean;

  @Column('text', { nullable: true })
  locale: Locale | null;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  /** Carried by every access token; disabling increments it, so no token issued before stays valid. */
  @Column('integer', { name: 'token_generation', default: 0 })
  tokenGeneration: number;

  /** The authenticator secret: pending until `totpEnabledAt` is set by a confirming code. */
  @Column('text', { name: 'totp_secret', nullable: true })
  totpSecret: string | null;

  @Column('timestamptz', { name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;

  /** The time step of the last code accepted: a code is never accepted twice. */
  @Column('bigint', { name: 'totp_last_step', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  totpLastStep: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
