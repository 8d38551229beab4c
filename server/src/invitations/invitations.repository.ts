import { Injectable } from '@nestjs/common';
import type { InvitationStatus, WorkspaceKind, WorkspaceRole } from '@enlace/shared';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { InvitationEntity } from './invitation.entity.js';

export interface InboxRow {
  id: string;
  workspaceId: string;
  workspaceTitle: string;
  workspaceKind: WorkspaceKind;
  role: WorkspaceRole;
  message: string | null;
  inviterName: string;
  inviterOrganization: string | null;
  suggestedOrganization: { id: string; name: string } | null;
  createdAt: Date;
  expiresAt: Date;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    values: Pick<InvitationEntity, 'workspaceId' | 'email' | 'role' | 'organizationId' | 'partyOrganizationId' | 'message' | 'locale' | 'tokenHash' | 'invitedBy' | 'expiresAt'>,
  ): Promise<InvitationEntity> {
    const repo = manager.getRepository(InvitationEntity);
    const result = await repo.insert({ ...values, status: 'pending' });
    return repo.findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  /** Whether the organisation is a party to the workspace's agreement (false for any other kind of workspace). */
  async isAgreementParty(manager: EntityManager, workspaceId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM agreement_parties WHERE agreement_id = $1 AND organization_id = $2', [workspaceId, organizationId]);
    return rows.length > 0;
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

  /**
   * The live (pending, unexpired) invitation to `email` in the workspace, if any. Takes a transaction lock on
   * the pair first, so two concurrent invitations to one address cannot both see none and both be created.
   */
  async lockLive(manager: EntityManager, workspaceId: string, email: string): Promise<InvitationEntity | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`invitation:${workspaceId}:${email}`]);
    return manager.getRepository(InvitationEntity).findOneBy({ workspaceId, email, status: 'pending', expiresAt: MoreThan(new Date()) });
  }

  /** A pending invitation addressed to `email`, locked: the invitee's inbox answers it without the link. */
  lockAddressedTo(manager: EntityManager, id: string, email: string): Promise<InvitationEntity | null> {
    return manager
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id AND i.email = :email', { id, email })
      .getOne();
  }

  /** A new secret and lifetime (and language, when given) for an invitation being sent again. */
  async rotate(manager: EntityManager, id: string, values: Pick<InvitationEntity, 'tokenHash' | 'expiresAt'> & { locale?: InvitationEntity['locale'] }): Promise<InvitationEntity> {
    await manager.getRepository(InvitationEntity).update({ id }, values);
    return manager.getRepository(InvitationEntity).findOneByOrFail({ id });
  }

  /** The pending, unexpired invitations addressed to `email`, newest first, with what the invitee needs to decide. */
  async inbox(email: string): Promise<InboxRow[]> {
    return this.dataSource.query(
      `SELECT i.id, i.workspace_id AS "workspaceId", w.title AS "workspaceTitle", w.kind AS "workspaceKind", i.role, i.message,
              u.display_name AS "inviterName", o.name AS "inviterOrganization",
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS "suggestedOrganization",
              i.created_at AS "createdAt", i.expires_at AS "expiresAt"
         FROM invitations i
         JOIN workspaces w ON w.id = i.workspace_id
         JOIN users u ON u.id = i.invited_by
         LEFT JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN organizations p ON p.id = i.party_organization_id
        WHERE i.email = $1 AND i.status = 'pending' AND i.expires_at > now()
        ORDER BY i.created_at DESC, i.id DESC
        LIMIT 100`,
      [email],
    );
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
