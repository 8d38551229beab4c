import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateOrganizationInput } from '@enlace/shared';
import { OrganizationEntity } from './organization.entity.js';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(OrganizationEntity);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOneBy({ id });
  }

  create(input: CreateOrganizationInput): Promise<OrganizationEntity> {
    return this.repo.save(this.repo.create({ ...input, jurisdiction: input.jurisdiction ?? null }));
  }

  /** Locked, for a change made in `manager`'s transaction. */
  lock(manager: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  async setRequireTwoFactor(manager: EntityManager, id: string, requireTwoFactor: boolean): Promise<void> {
    await manager.getRepository(OrganizationEntity).update({ id }, { requireTwoFactor });
  }

  /** Sets the flag and returns the ids of the organisation's accounts when it changed (none when it did not). */
  async setLawEnforcement(manager: EntityManager, id: string, lawEnforcement: boolean): Promise<string[] | undefined> {
    const result = await manager.getRepository(OrganizationEntity).update({ id, lawEnforcement: !lawEnforcement }, { lawEnforcement });
    if (result.affected !== 1) return undefined;
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE organization_id = $1`, [id]);
    return rows.map((row) => row.id);
  }

  /** Keyset page ordered by name then id; the cursor is the last row's id. */
  async list(limit: number, after?: string): Promise<OrganizationEntity[]> {
    const query = this.repo.createQueryBuilder('o').orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').take(limit);
    if (after) {
      query.where('(o.name, o.id) > (SELECT name, id FROM organizations WHERE id = :after)', { after });
    }
    return query.getMany();
  }
}
