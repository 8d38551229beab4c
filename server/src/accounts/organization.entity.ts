import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganizationKind } from '@enlace/shared';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: OrganizationKind;

  @Column('char', { length: 2 })
  country: string;

  @Column('text', { nullable: true })
  jurisdiction: string | null;

  @Column('boolean', { name: 'require_two_factor', default: false })
  requireTwoFactor: boolean;

  /** Police or prosecutors: their people read a case's assistance track only with an owner's grant. */
  @Column('boolean', { name: 'law_enforcement', default: false })
  lawEnforcement: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
