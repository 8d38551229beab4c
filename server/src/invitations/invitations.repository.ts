import { Injectable } from '@nestjs/common';
import type { InvitationStatus } from '@enlace/shared';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { InvitationEntity } from './invitation.entity.js';

@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    values: Pick<InvitationEntity, 'workspaceId' | 'email' | 'role' | 'organizationId' | 'message' | 'tokenHash' | 'invitedBy' | 'expiresAt'>,
  ): Promise<InvitationEntity> {
    const repo = manager.getRepository(InvitationEntity);
    const result = await repo.insert({ ...values, status: 'pending' });
    return repo.findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  findByTokenHash(tokenHash: string): Promise<InvitationEntity | null> {
    return this.dataSource.getRepository(InvitationEntity).findOneBy({ tokenHash });
  }

  /** Locked so that two clicks on the same link cannot both succeed. */
  lockByTokenHash(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return manager.getRepository(InvitationEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  lockById(manager: EntityManager, workspaceId: string, id: string): Promise<InvitationEntity | null> {
    return manager
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id AND i.workspace_id = :workspaceId', { id, workspaceId })
      .getOne();
  }

  pending(workspaceId: string): Promise<InvitationEntity[]> {
    return this.dataSource
      .getRepository(InvitationEntity)
      .find({ where: { workspaceId, status: 'pending', expiresAt: MoreThan(new Date()) }, order: { createdAt: 'DESC' } });
  }

  async setStatus(manager: EntityManager, id: string, status: InvitationStatus, acceptedBy?: string): Promise<void> {
    await manager.getRepository(InvitationEntity).update({ id }, { status, respondedAt: new Date(), acceptedBy: acceptedBy ?? null });
  }

  async revokePending(manager: EntityManager, workspaceId: string, email: string): Promise<void> {
    await manager.getRepository(InvitationEntity).update({ workspaceId, email, status: 'pending' }, { status: 'revoked', respondedAt: new Date() });
  }
}
