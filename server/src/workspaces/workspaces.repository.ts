import { Injectable } from '@nestjs/common';
import { UNREAD_CAP, type WorkspaceRole, type WorkspaceStatus } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlFragment } from '../common/authorization/ability-sql.js';
import { prepared } from '../common/database/prepared.js';
import { WorkspaceMemberEntity, type Membership } from './workspace-member.entity.js';
import { WorkspaceEntity } from './workspace.entity.js';

export interface MemberRow extends WorkspaceMemberEntity {
  displayName: string;
  email: string;
  organizationId: string | null;
  organizationName: string | null;
  /** The organisation the member asked to join and its admins have not confirmed yet. */
  unconfirmedOrganizationId: string | null;
  unconfirmedOrganizationName: string | null;
  lawEnforcement: boolean;
}

/** A workspace on its member's start page (see WorkspaceActivityDto). */
export interface WorkspaceActivityRow extends WorkspaceWithRole {
  lastActivityAt: Date;
  unread: number;
}

export interface WorkspaceWithRole {
  workspace: WorkspaceEntity;
  membership: Membership;
}

/** Whether member `m`'s organisation is a law-enforcement one (a confirmed member of it only). */
const LAW_ENFORCEMENT = `EXISTS (SELECT 1 FROM users lu JOIN organizations lo ON lo.id = lu.organization_id WHERE lu.id = m.user_id AND lo.law_enforcement)`;

/**
 * The select list of `workspace_members m JOIN workspaces w`, read back by `takeMembership`. Every name
 * starts with `ws_`, so the list can sit beside another table's columns in one query.
 */
export const MEMBERSHIP_COLUMNS = `w.id AS ws_id, w.kind AS ws_kind, w.title AS ws_title, w.description AS ws_description,
  w.lead_organization_id AS ws_lead_organization_id, w.status AS ws_status, w.created_by AS ws_created_by, w.version AS ws_version,
  w.created_at AS ws_created_at, w.updated_at AS ws_updated_at, m.user_id AS ws_user_id, m.role AS ws_role,
  m.sensitive_access AS ws_sensitive_access, m.assistance_access AS ws_assistance_access, ${LAW_ENFORCEMENT} AS ws_law_enforcement,
  m.version AS ws_member_version, m.joined_at AS ws_joined_at`;

export interface MembershipRow {
  ws_id: string | null;
  ws_kind: WorkspaceEntity['kind'];
  ws_title: string;
  ws_description: string;
  ws_lead_organization_id: string | null;
  ws_status: WorkspaceEntity['status'];
  ws_created_by: string;
  ws_version: number;
  ws_created_at: Date;
  ws_updated_at: Date;
  ws_user_id: string;
  ws_role: WorkspaceRole;
  ws_sensitive_access: boolean;
  ws_assistance_access: boolean;
  ws_law_enforcement: boolean;
  ws_member_version: number;
  ws_joined_at: Date;
}

/**
 * Takes MEMBERSHIP_COLUMNS' fields out of `row`, leaving whatever else it holds: the workspace with the
 * membership, or null when an outer join found no membership.
 */
export function takeMembership(row: MembershipRow): WorkspaceWithRole | null {
  const found = row.ws_id === null ? null : {
    workspace: Object.assign(new WorkspaceEntity(), {
      id: row.ws_id,
      kind: row.ws_kind,
      title: row.ws_title,
      description: row.ws_description,
      leadOrganizationId: row.ws_lead_organization_id,
      status: row.ws_status,
      createdBy: row.ws_created_by,
      version: row.ws_version,
      createdAt: row.ws_created_at,
      updatedAt: row.ws_updated_at,
    }),
    membership: Object.assign(new WorkspaceMemberEntity(), {
      workspaceId: row.ws_id,
      userId: row.ws_user_id,
      role: row.ws_role,
      sensitiveAccess: row.ws_sensitive_access,
      assistanceAccess: row.ws_assistance_access,
      lawEnforcement: row.ws_law_enforcement,
      version: row.ws_member_version,
      joinedAt: row.ws_joined_at,
    }),
  };
  for (const key of Object.keys(row)) if (key.startsWith('ws_')) delete (row as unknown as Record<string, unknown>)[key];
  return found;
}

@Injectable()
export class WorkspacesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, values: Pick<WorkspaceEntity, 'kind' | 'title' | 'description' | 'leadOrganizationId' | 'createdBy'>): Promise<WorkspaceEntity> {
    const repo = manager.getRepository(WorkspaceEntity);
    const result = await repo.insert({ ...values, status: 'active' });
    return repo.findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceEntity | null> {
    return manager.getRepository(WorkspaceEntity).findOneBy({ id });
  }

  /** The workspace with the caller's membership, in one query: every authorised request starts here. */
  async findWithMembership(workspaceId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceWithRole | null> {
    const { rows } = await prepared<MembershipRow>(
      manager,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0] ? takeMembership(rows[0]) : null;
  }

  /** The caller's workspaces: `where` comes from their ability, so the list never over-fetches. */
  async listReadable(userId: string, where: SqlFragment, limit: number, after?: string, status?: WorkspaceStatus): Promise<WorkspaceWithRole[]> {
    const query = this.dataSource
      .getRepository(WorkspaceEntity)
      .createQueryBuilder('w')
      .innerJoin(WorkspaceMemberEntity, 'm', 'm.workspace_id = w.id AND m.user_id = :userId', { userId })
      .addSelect(['m.role', 'm.sensitive_access', 'm.assistance_access', 'm.version', 'm.joined_at'])
      .addSelect(LAW_ENFORCEMENT, 'm_law_enforcement')
      .where(where.sql, where.params)
      .orderBy('w.updated_at', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .limit(limit);
    if (after) query.andWhere('(w.updated_at, w.id) < (SELECT updated_at, id FROM workspaces WHERE id = :after)', { after });
    if (status) query.andWhere('w.status = :status', { status });
    const { entities, raw } = await query.getRawAndEntities<{
      m_role: WorkspaceRole;
      m_sensitive_access: boolean;
      m_assistance_access: boolean;
      m_law_enforcement: boolean;
      m_version: number;
      m_joined_at: Date;
    }>();
    return entities.map((workspace, index) => ({
      workspace,
      membership: Object.assign(new WorkspaceMemberEntity(), {
        workspaceId: workspace.id,
        userId,
        role: raw[index].m_role,
        sensitiveAccess: raw[index].m_sensitive_access,
        assistanceAccess: raw[index].m_assistance_access,
        lawEnforcement: raw[index].m_law_enforcement,
        version: raw[index].m_version,
        joinedAt: raw[index].m_joined_at,
      }),
    }));
  }

  /**
   * The caller's workspaces, the most recently active first: the time of each one's latest event (a primary-key
   * look-up from its head) and how many events others recorded since the member last opened it, counted
   * along the log's primary key and capped, so the cost does not grow with the history.
   */
  async activity(userId: string, where: SqlFragment, limit: number, status?: WorkspaceStatus): Promise<WorkspaceActivityRow[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('workspace_members', 'm')
      .innerJoin('workspaces', 'w', 'w.id = m.workspace_id')
      .leftJoin('workspace_event_heads', 'h', 'h.workspace_id = w.id')
      .leftJoin('workspace_events', 'e', 'e.workspace_id = h.workspace_id AND e.seq = h.seq')
      .select(MEMBERSHIP_COLUMNS)
      .addSelect('COALESCE(e.at, w.created_at)', 'last_activity_at')
      .addSelect(
        `(SELECT count(*)::int FROM (SELECT 1 FROM workspace_events x WHERE x.workspace_id = m.workspace_id AND x.seq > m.last_seen_seq
            AND x.actor_id IS DISTINCT FROM m.user_id LIMIT ${UNREAD_CAP}) AS unseen)`,
        'unread',
      )
      .where('m.user_id = :userId', { userId })
      .andWhere(where.sql, where.params)
      .orderBy('last_activity_at', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .limit(limit);
    if (status) query.andWhere('w.status = :status', { status });
    const rows = await query.getRawMany<MembershipRow & { last_activity_at: Date; unread: number }>();
    return rows.map((row) => ({ ...takeMembership(row)!, lastActivityAt: row.last_activity_at, unread: row.unread }));
  }

  /** The member has seen the workspace up to its latest event (they opened it, or were viewing it until now). */
  async markSeen(workspaceId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE workspace_members m SET last_seen_seq = h.seq FROM workspace_event_heads h
        WHERE h.workspace_id = m.workspace_id AND m.workspace_id = $1 AND m.user_id = $2 AND m.last_seen_seq < h.seq`,
      [workspaceId, userId],
    );
  }

  /** Compare-and-set on `version`: undefined when someone else changed the workspace first. */
  async update(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Partial<Pick<WorkspaceEntity, 'title' | 'description' | 'status'>>,
  ): Promise<WorkspaceEntity | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(WorkspaceEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version })
      .returning('*')
      .execute();
    if (result.affected !== 1) return undefined;
    return manager.getRepository(WorkspaceEntity).findOneByOrFail({ id });
  }

  findMembership(workspaceId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceMemberEntity | null> {
    return manager.getRepository(WorkspaceMemberEntity).findOneBy({ workspaceId, userId });
  }

  async membershipsOf(
    userId: string,
  ): Promise<Array<{ workspaceId: string; role: WorkspaceRole; sensitiveAccess: boolean; assistanceAccess: boolean; lawEnforcement: boolean; archived: boolean }>> {
    const rows: Array<{ workspace_id: string; role: WorkspaceRole; sensitive_access: boolean; assistance_access: boolean; law_enforcement: boolean; archived: boolean }> =
      await this.dataSource.query(
        `SELECT m.workspace_id, m.role, m.sensitive_access, m.assistance_access, ${LAW_ENFORCEMENT} AS law_enforcement, w.status = 'archived' AS archived
           FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = $1`,
        [userId],
      );
    return rows.map((row) => ({
      workspaceId: row.workspace_id,
      role: row.role,
      sensitiveAccess: row.sensitive_access,
      assistanceAccess: row.assistance_access,
      lawEnforcement: row.law_enforcement,
      archived: row.archived,
    }));
  }

  /** A new member has seen nothing recorded after joining, and has nothing to catch up on from before. */
  async insertMember(manager: EntityManager, member: Pick<WorkspaceMemberEntity, 'workspaceId' | 'userId' | 'role'> & { sensitiveAccess?: boolean }): Promise<void> {
    await manager.query(
      `INSERT INTO workspace_members (workspace_id, user_id, role, sensitive_access, last_seen_seq)
       VALUES ($1, $2, $3, $4, COALESCE((SELECT seq FROM workspace_event_heads WHERE workspace_id = $1), 0))`,
      [member.workspaceId, member.userId, member.role, member.sensitiveAccess ?? false],
    );
  }

  async updateMember(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    changes: Partial<Pick<WorkspaceMemberEntity, 'role' | 'sensitiveAccess' | 'assistanceAccess'>>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(WorkspaceMemberEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('workspace_id = :workspaceId AND user_id = :userId', { workspaceId, userId })
      .execute();
  }

  async deleteMember(manager: EntityManager, workspaceId: string, userId: string): Promise<void> {
    await manager.getRepository(WorkspaceMemberEntity).delete({ workspaceId, userId });
  }

  /** Owners of the workspace, locked so that two concurrent demotions cannot leave it without one. */
  async lockOwners(manager: EntityManager, workspaceId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND role = 'owner' FOR UPDATE`,
      [workspaceId],
    );
    return rows.map((row) => row.user_id);
  }

  async members(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberRow[]> {
    return this.memberQuery(manager).where('m.workspace_id = :workspaceId', { workspaceId }).orderBy('u.display_name', 'ASC').getRawMany();
  }

  async member(workspaceId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberRow | undefined> {
    return this.memberQuery(manager).where('m.workspace_id = :workspaceId AND m.user_id = :userId', { workspaceId, userId }).getRawOne();
  }

  private memberQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder()
      .from('workspace_members', 'm')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      .leftJoin('organizations', 'o', 'o.id = u.organization_id')
      // At most one pending request per person (a partial unique index), so this join adds no row.
      .leftJoin('organization_join_requests', 'jr', "jr.user_id = m.user_id AND jr.status = 'pending'")
      .leftJoin('organizations', 'jo', 'jo.id = jr.organization_id')
      .select([
        'm.workspace_id AS "workspaceId"',
        'm.user_id AS "userId"',
        'm.role AS "role"',
        'm.sensitive_access AS "sensitiveAccess"',
        'm.assistance_access AS "assistanceAccess"',
        'COALESCE(o.law_enforcement, false) AS "lawEnforcement"',
        'm.version AS "version"',
        'm.joined_at AS "joinedAt"',
        'u.display_name AS "displayName"',
        'u.email AS "email"',
        'u.organization_id AS "organizationId"',
        'o.name AS "organizationName"',
        'jo.id AS "unconfirmedOrganizationId"',
        'jo.name AS "unconfirmedOrganizationName"',
      ]);
  }
}
