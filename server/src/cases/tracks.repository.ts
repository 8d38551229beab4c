import { Injectable } from '@nestjs/common';
import type { AssistanceDto, AssistanceService, AssistanceStatus, JusticeEntryDto, JusticeStep } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';

type Stamps = { createdAt: Date; updatedAt: Date };
export type AssistanceRow = Omit<AssistanceDto, 'allowedTransitions' | 'createdAt' | 'updatedAt'> & Stamps;
export type JusticeRow = Omit<JusticeEntryDto, 'createdAt' | 'updatedAt'> & Stamps;

/** What a write may set on a service; the status only with its dates (see the table's constraints). */
export interface AssistanceChanges {
  requestedOn?: string;
  providerOrganizationId?: string | null;
  note?: string | null;
  status?: AssistanceStatus;
  startedOn?: string;
  endedOn?: string;
}
export type JusticeChanges = Partial<Pick<JusticeRow, 'step' | 'on' | 'authorityOrganizationId' | 'reference' | 'note'>>;

const ASSISTANCE_SELECT = `SELECT a.id, a.case_id AS "caseId", a.service, a.status, a.requested_on::text AS "requestedOn", a.started_on::text AS "startedOn",
  a.ended_on::text AS "endedOn", a.provider_organization_id AS "providerOrganizationId", o.name AS "providerOrganizationName", a.note,
  a.created_by AS "createdBy", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"
  FROM case_assistance_services a LEFT JOIN organizations o ON o.id = a.provider_organization_id`;

const JUSTICE_SELECT = `SELECT j.id, j.case_id AS "caseId", j.step, j."on"::text AS "on", j.authority_organization_id AS "authorityOrganizationId",
  o.name AS "authorityOrganizationName", j.reference, j.note, j.created_by AS "createdBy", j.version, j.created_at AS "createdAt", j.updated_at AS "updatedAt"
  FROM case_justice_entries j LEFT JOIN organizations o ON o.id = j.authority_organization_id`;

/** Column of each field a write may change. */
const ASSISTANCE_COLUMNS: Record<keyof AssistanceChanges, string> = {
  requestedOn: 'requested_on',
  providerOrganizationId: 'provider_organization_id',
  note: 'note',
  status: 'status',
  startedOn: 'started_on',
  endedOn: 'ended_on',
};
const JUSTICE_COLUMNS: Record<keyof JusticeChanges, string> = { step: 'step', on: '"on"', authorityOrganizationId: 'authority_organization_id', reference: 'reference', note: 'note' };

/**
 * Compare-and-set of `changes` on the row `id` of `table` at `version`: false when someone else changed it first.
 * Column names come from the maps above, never from the request.
 */
async function compareAndSet(manager: EntityManager, table: string, columns: Record<string, string>, id: string, version: number, changes: object): Promise<boolean> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const set = entries.map(([key], i) => `${columns[key]} = $${i + 3}`);
  const [, updated]: [unknown[], number] = await manager.query(
    `UPDATE ${table} SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`,
    [id, version, ...entries.map(([, value]) => value)],
  );
  return updated === 1;
}

/** A case's assistance services and criminal-justice entries. */
@Injectable()
export class TracksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertAssistance(
    manager: EntityManager,
    values: { caseId: string; service: AssistanceService; requestedOn: string; providerOrganizationId: string | null; note: string | null; createdBy: string },
  ): Promise<AssistanceRow> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO case_assistance_services (case_id, service, requested_on, provider_organization_id, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [values.caseId, values.service, values.requestedOn, values.providerOrganizationId, values.note, values.createdBy],
    );
    return (await this.assistance(manager, id))!;
  }

  /** One service of the case; `lock` holds it until the transaction ends. */
  async assistance(manager: EntityManager, id: string, lock = false): Promise<AssistanceRow | undefined> {
    const rows: AssistanceRow[] = await manager.query(`${ASSISTANCE_SELECT} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`, [id]);
    return rows[0];
  }

  assistanceOf(caseId: string): Promise<AssistanceRow[]> {
    return this.dataSource.query(`${ASSISTANCE_SELECT} WHERE a.case_id = $1 ORDER BY a.requested_on, a.created_at, a.id`, [caseId]);
  }

  async updateAssistance(manager: EntityManager, id: string, version: number, changes: AssistanceChanges): Promise<AssistanceRow | undefined> {
    return (await compareAndSet(manager, 'case_assistance_services', ASSISTANCE_COLUMNS, id, version, changes)) ? this.assistance(manager, id) : undefined;
  }

  async insertJustice(
    manager: EntityManager,
    values: { caseId: string; step: JusticeStep; on: string; authorityOrganizationId: string | null; reference: string | null; note: string | null; createdBy: string },
  ): Promise<JusticeRow> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO case_justice_entries (case_id, step, "on", authority_organization_id, reference, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [values.caseId, values.step, values.on, values.authorityOrganizationId, values.reference, values.note, values.createdBy],
    );
    return (await this.justice(manager, id))!;
  }

  async justice(manager: EntityManager, id: string, lock = false): Promise<JusticeRow | undefined> {
    const rows: JusticeRow[] = await manager.query(`${JUSTICE_SELECT} WHERE j.id = $1 ${lock ? 'FOR UPDATE OF j' : ''}`, [id]);
    return rows[0];
  }

  justiceOf(caseId: string): Promise<JusticeRow[]> {
    return this.dataSource.query(`${JUSTICE_SELECT} WHERE j.case_id = $1 ORDER BY j."on", j.created_at, j.id`, [caseId]);
  }

  async updateJustice(manager: EntityManager, id: string, version: number, changes: JusticeChanges): Promise<JusticeRow | undefined> {
    return (await compareAndSet(manager, 'case_justice_entries', JUSTICE_COLUMNS, id, version, changes)) ? this.justice(manager, id) : undefined;
  }
}
