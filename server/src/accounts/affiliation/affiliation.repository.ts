import { Injectable } from '@nestjs/common';
import type { JoinRequestStatus } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { affectedRows } from '../affected-rows.js';

export interface JoinRequestRow {
  id: string;
  organizationId: string;
  organizationName: string;
  userId: string;
  displayName: string;
  email: string;
  status: JoinRequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
}

const JOIN_REQUEST_COLUMNS = `r.id, r.organization_id AS "organizationId", o.name AS "organizationName", r.user_id AS "userId",
  u.display_name AS "displayName", u.email, r.status, r.created_at AS "createdAt", r.decided_at AS "decidedAt"`;
const JOIN_REQUEST_FROM = `organization_join_requests r JOIN users u ON u.id = r.user_id JOIN organizations o ON o.id = r.organization_id`;

/** Verified e-mail domains and requests to join an organisation. */
@Injectable()
export class AffiliationRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Each organisation's domains, alphabetically. */
  async domainsOf(organizationIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const rows: Array<{ organization_id: string; domains: string[] }> =
      organizationIds.length === 0
        ? []
        : await manager.query(
            `SELECT organization_id, array_agg(domain ORDER BY domain) AS domains FROM organization_domains WHERE organization_id = ANY($1) GROUP BY organization_id`,
            [organizationIds],
          );
    return new Map(rows.map((row) => [row.organization_id, row.domains]));
  }

  /** The domains among `domains` that another organisation holds. */
  async heldElsewhere(manager: EntityManager, organizationId: string, domains: string[]): Promise<string[]> {
    const rows: Array<{ domain: string }> = await manager.query(
      `SELECT domain FROM organization_domains WHERE domain = ANY($1) AND organization_id <> $2 ORDER BY domain`,
      [domains, organizationId],
    );
    return rows.map((row) => row.domain);
  }

  async replaceDomains(manager: EntityManager, organizationId: string, domains: string[]): Promise<void> {
    await manager.query(`DELETE FROM organization_domains WHERE organization_id = $1`, [organizationId]);
    if (domains.length > 0) {
      await manager.query(`INSERT INTO organization_domains (domain, organization_id) SELECT unnest($1::text[]), $2`, [domains, organizationId]);
    }
  }

  /** The organisation whose verified domain is the e-mail's, if any. */
  async organizationOfEmail(manager: EntityManager, email: string): Promise<string | null> {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    const rows: Array<{ organization_id: string }> = await manager.query(`SELECT organization_id FROM organization_domains WHERE domain = $1`, [domain]);
    return rows[0]?.organization_id ?? null;
  }

  /** Puts an account without an organisation into one, as a member; false when it already has one. */
  async joinOrganization(manager: EntityManager, userId: string, organizationId: string): Promise<boolean> {
    return (await affectedRows(manager, `UPDATE users SET organization_id = $2, org_role = 'member' WHERE id = $1 AND organization_id IS NULL`, [userId, organizationId])) === 1;
  }

  async insertRequest(manager: EntityManager, organizationId: string, userId: string): Promise<JoinRequestRow> {
    const [{ id }] = (await manager.query(`INSERT INTO organization_join_requests (organization_id, user_id) VALUES ($1, $2) RETURNING id`, [
      organizationId,
      userId,
    ])) as Array<{ id: string }>;
    return (await this.request(manager, id))!;
  }

  async request(manager: EntityManager, id: string): Promise<JoinRequestRow | null> {
    const rows: JoinRequestRow[] = await manager.query(`SELECT ${JOIN_REQUEST_COLUMNS} FROM ${JOIN_REQUEST_FROM} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The person's pending request, locked, if any. */
  async lockPendingOf(manager: EntityManager, userId: string): Promise<JoinRequestRow | null> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM organization_join_requests WHERE user_id = $1 AND status = 'pending' FOR UPDATE`, [userId]);
    return rows[0] ? this.request(manager, rows[0].id) : null;
  }

  async pendingOf(userId: string): Promise<JoinRequestRow | null> {
    const rows: JoinRequestRow[] = await this.dataSource.query(`SELECT ${JOIN_REQUEST_COLUMNS} FROM ${JOIN_REQUEST_FROM} WHERE r.user_id = $1 AND r.status = 'pending'`, [
      userId,
    ]);
    return rows[0] ?? null;
  }

  async lockRequest(manager: EntityManager, organizationId: string, id: string): Promise<JoinRequestRow | null> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM organization_join_requests WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [
      id,
      organizationId,
    ]);
    return rows[0] ? this.request(manager, rows[0].id) : null;
  }

  async decide(manager: EntityManager, id: string, status: Exclude<JoinRequestStatus, 'pending'>, decidedBy: string | null): Promise<JoinRequestRow> {
    await manager.query(`UPDATE organization_join_requests SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1`, [id, status, decidedBy]);
    return (await this.request(manager, id))!;
  }

  /** An organisation's pending requests, oldest first (bounded: a request is decided within days, not kept by the thousand). */
  pendingIn(organizationId: string): Promise<JoinRequestRow[]> {
    return this.dataSource.query(`SELECT ${JOIN_REQUEST_COLUMNS} FROM ${JOIN_REQUEST_FROM} WHERE r.organization_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id LIMIT 500`, [
      organizationId,
    ]);
  }
}
