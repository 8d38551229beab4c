import { Injectable } from '@nestjs/common';
import type { AgreementListQuery, AgreementStateDto, AgreementFiguresDto, PartyDto, TermsVersionDto, TransitionDto } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlFragment } from '../common/authorization/ability-sql.js';
import { isForeignKeyViolation, isUniqueViolation } from '../common/database/unique-violation.js';
import { AppError } from '../common/errors/app-error.js';
import { AgreementEntity, AmendmentEntity, PartyEntity, TransitionEntity } from './agreement.entities.js';
import { SHARE } from './indicators.repository.js';

/** An agreement as read: its response shape with the timestamps still as dates. */
export type AgreementRow = Omit<AgreementStateDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
export type AgreementListRow = AgreementRow & AgreementFiguresDto;
export type TransitionRow = Omit<TransitionDto, 'at'> & { at: Date };
export type AmendmentRow = Omit<TermsVersionDto, 'createdAt' | 'createdBy'> & { createdBy: string; createdAt: Date };

/**
 * The agreement with the workspace's title and its current terms: the latest amendment's, or the
 * original's (`a.terms`) while there is none. Dates as text, so no time zone ever shifts a day.
 */
const AGREEMENT_COLUMNS = `a.workspace_id AS id, w.title, a.kind, a.status, a.lead_organization_id AS "leadOrganizationId",
  a.reference_code AS "referenceCode", a.summary,
  COALESCE((SELECT am.terms FROM agreement_amendments am WHERE am.agreement_id = a.workspace_id AND am.number = a.terms_version), a.terms) AS terms,
  a.terms_version AS "termsVersion", a.thematic_areas AS "thematicAreas", a.countries, a.jurisdictions,
  a.signed_on::text AS "signedOn", a.effective_from::text AS "effectiveFrom", a.expires_on::text AS "expiresOn",
  a.next_review_on::text AS "nextReviewOn", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
const AGREEMENT_FROM = `FROM agreements a JOIN workspaces w ON w.id = a.workspace_id`;

const PARTY_SELECT = `SELECT p.agreement_id AS "agreementId", p.organization_id AS "organizationId", o.name AS "organizationName", p.role,
  p.contact_user_id AS "contactUserId", p.signed_on::text AS "signedOn", p.version
  FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id`;

const TRANSITION_SELECT = `SELECT id, agreement_id AS "agreementId", from_status AS "from", to_status AS "to", reason, actor_id AS "actorId", at
  FROM agreement_transitions`;

const AMENDMENT_SELECT = `SELECT agreement_id AS "agreementId", number, amended_on::text AS "amendedOn", summary, terms, created_by AS "createdBy", created_at AS "createdAt"
  FROM agreement_amendments`;

/** What a page of the portfolio needs: who may read what (from the ability), the filters, today's date. */
export interface AgreementListFilter extends Omit<AgreementListQuery, 'limit' | 'cursor'> {
  readable: SqlFragment;
  today: string;
}

export type AgreementChanges = Partial<
  Pick<AgreementEntity, 'kind' | 'status' | 'referenceCode' | 'summary' | 'terms' | 'thematicAreas' | 'countries' | 'jurisdictions' | 'signedOn' | 'effectiveFrom' | 'expiresOn' | 'nextReviewOn' | 'termsVersion'>
>;
export type PartyChanges = Partial<Pick<PartyEntity, 'role' | 'contactUserId' | 'signedOn'>>;

/**
 * The portfolio's WHERE conditions on agreements `a`: what the caller may read and the filters asked for,
 * as TypeORM-style named parameters; `where` adds one more.
 */
export function portfolioConditions(filter: Omit<AgreementListFilter, 'today'>) {
  const conditions = [filter.readable.sql];
  const params: Record<string, unknown> = { ...filter.readable.params };
  const where = (condition: string, name: string, value: unknown) => {
    conditions.push(condition);
    params[name] = value;
  };
  if (filter.status) where('a.status = :status', 'status', filter.status);
  if (filter.kind) where('a.kind = :kind', 'kind', filter.kind);
  if (filter.area) where(':area = ANY (a.thematic_areas)', 'area', filter.area);
  if (filter.country) where(':country = ANY (a.countries)', 'country', filter.country);
  if (filter.partyOrganizationId) {
    where('EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.workspace_id AND p.organization_id = :party)', 'party', filter.partyOrganizationId);
  }
  return { conditions, params, where };
}

/** A reference code is unique per lead organisation; a race on it is a clean 409 too. */
async function withUniqueCode<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, 'agreements_reference_code_key')) {
      throw new AppError('REFERENCE_CODE_TAKEN', 'Your organisation already has an agreement with this reference code');
    }
    throw error;
  }
}

/** The agreement record, its parties, transitions and amendments. */
@Injectable()
export class AgreementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, values: Omit<AgreementEntity, 'status' | 'termsVersion' | 'version' | 'updatedAt'>): Promise<AgreementRow> {
    await withUniqueCode(manager.getRepository(AgreementEntity).insert(values));
    return (await this.find(values.workspaceId, manager))!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<AgreementRow | undefined> {
    const rows: AgreementRow[] = await manager.query(`SELECT ${AGREEMENT_COLUMNS} ${AGREEMENT_FROM} WHERE a.workspace_id = $1`, [id]);
    return rows[0];
  }

  /** Locks the agreement row, so that checks on its parties and status hold until the transaction ends. */
  async lock(id: string, manager: EntityManager): Promise<AgreementRow | undefined> {
    const rows: AgreementRow[] = await manager.query(`SELECT ${AGREEMENT_COLUMNS} ${AGREEMENT_FROM} WHERE a.workspace_id = $1 FOR UPDATE OF a`, [id]);
    return rows[0];
  }

  /** Compare-and-set on `version`: undefined when someone else changed the agreement first. */
  async update(manager: EntityManager, id: string, version: number, changes: AgreementChanges): Promise<AgreementRow | undefined> {
    const result = await withUniqueCode(
      manager
        .createQueryBuilder()
        .update(AgreementEntity)
        .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('workspace_id = :id AND version = :version', { id, version })
        .execute(),
    );
    return result.affected === 1 ? this.find(id, manager) : undefined;
  }

  /**
   * A page of the portfolio, newest change first, each agreement with its commitment summary as of `today`.
   * `readable` (from the caller's ability) keeps it to the agreements they may read, in SQL. The page is
   * chosen first, so the figures are computed for its agreements only, not for every readable one.
   */
  async list(filter: AgreementListFilter, limit: number, after?: string): Promise<AgreementListRow[]> {
    const { conditions, params, where } = portfolioConditions(filter);
    Object.assign(params, { today: filter.today, limit });
    if (after) where('(a.updated_at, a.workspace_id) < (SELECT updated_at, workspace_id FROM agreements WHERE workspace_id = :after)', 'after', after);
    const sql = `SELECT page.*,
        s."commitmentsDone", s."commitmentsTotal", s.overdue, s.blocked, s."nextDueOn", pg."progressReported", pg."progressVerified"
      FROM (
        SELECT ${AGREEMENT_COLUMNS},
            a.expires_on - CAST(:today AS date) AS "daysToExpiry", a.next_review_on - CAST(:today AS date) AS "daysToReview"
          ${AGREEMENT_FROM}
         WHERE ${conditions.join(' AND ')}
         ORDER BY a.updated_at DESC, a.workspace_id DESC LIMIT :limit
      ) page
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE c.status = 'done')::int AS "commitmentsDone",
               count(*)::int AS "commitmentsTotal",
               count(*) FILTER (WHERE c.due_on < CAST(:today AS date) AND c.status <> 'done')::int AS overdue,
               count(*) FILTER (WHERE c.status = 'blocked')::int AS blocked,
               (min(c.due_on) FILTER (WHERE c.due_on >= CAST(:today AS date) AND c.status <> 'done'))::text AS "nextDueOn"
          FROM commitments c WHERE c.agreement_id = page.id
      ) s
      CROSS JOIN LATERAL (
        SELECT round(avg(${SHARE('i', 'reported')}), 4)::float8 AS "progressReported", round(avg(${SHARE('i', 'verified')}), 4)::float8 AS "progressVerified"
          FROM commitments c JOIN indicators i ON i.commitment_id = c.id WHERE c.agreement_id = page.id
      ) pg
      ORDER BY page."updatedAt" DESC, page.id DESC`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(text, values);
  }

  parties(agreementId: string, manager: EntityManager = this.dataSource.manager): Promise<PartyDto[]> {
    return manager.query(`${PARTY_SELECT} WHERE p.agreement_id = $1 ORDER BY o.name, p.organization_id`, [agreementId]);
  }

  async party(agreementId: string, organizationId: string, manager: EntityManager): Promise<PartyDto | undefined> {
    const rows: PartyDto[] = await manager.query(`${PARTY_SELECT} WHERE p.agreement_id = $1 AND p.organization_id = $2`, [agreementId, organizationId]);
    return rows[0];
  }

  async insertParty(manager: EntityManager, values: Omit<PartyEntity, 'version'>): Promise<PartyDto> {
    try {
      await manager.getRepository(PartyEntity).insert(values);
    } catch (error) {
      if (isUniqueViolation(error, 'agreement_parties_pkey')) throw new AppError('PARTY_EXISTS', 'This organisation is already a party to the agreement');
      throw error;
    }
    return (await this.party(values.agreementId, values.organizationId, manager))!;
  }

  async updateParty(manager: EntityManager, agreementId: string, organizationId: string, version: number, changes: PartyChanges): Promise<PartyDto | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(PartyEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('agreement_id = :agreementId AND organization_id = :organizationId AND version = :version', { agreementId, organizationId, version })
      .execute();
    return result.affected === 1 ? this.party(agreementId, organizationId, manager) : undefined;
  }

  /** A party still responsible for commitments stays: the commitments reference it. */
  async deleteParty(manager: EntityManager, agreementId: string, organizationId: string): Promise<void> {
    try {
      await manager.getRepository(PartyEntity).delete({ agreementId, organizationId });
    } catch (error) {
      if (isForeignKeyViolation(error, 'commitments_responsible_party_fkey')) {
        throw new AppError('PARTY_HAS_COMMITMENTS', 'This party is responsible for commitments; reassign them first');
      }
      throw error;
    }
  }

  async insertTransition(manager: EntityManager, values: Omit<TransitionEntity, 'id'>): Promise<TransitionRow> {
    const result = await manager.getRepository(TransitionEntity).insert(values);
    const rows: TransitionRow[] = await manager.query(`${TRANSITION_SELECT} WHERE id = $1`, [result.identifiers[0].id]);
    return rows[0];
  }

  transitions(agreementId: string): Promise<TransitionRow[]> {
    return this.dataSource.query(`${TRANSITION_SELECT} WHERE agreement_id = $1 ORDER BY at, id`, [agreementId]);
  }

  async insertAmendment(manager: EntityManager, values: AmendmentEntity): Promise<AmendmentRow> {
    await manager.getRepository(AmendmentEntity).insert(values);
    const rows: AmendmentRow[] = await manager.query(`${AMENDMENT_SELECT} WHERE agreement_id = $1 AND number = $2`, [values.agreementId, values.number]);
    return rows[0];
  }

  amendments(agreementId: string): Promise<AmendmentRow[]> {
    return this.dataSource.query(`${AMENDMENT_SELECT} WHERE agreement_id = $1 ORDER BY number`, [agreementId]);
  }

  /** The original terms (before any amendment), with who created the agreement and when. */
  async original(agreementId: string): Promise<{ terms: string; createdBy: string; createdAt: Date } | undefined> {
    const rows: Array<{ terms: string; createdBy: string; createdAt: Date }> = await this.dataSource.query(
      `SELECT a.terms, w.created_by AS "createdBy", a.created_at AS "createdAt" ${AGREEMENT_FROM} WHERE a.workspace_id = $1`,
      [agreementId],
    );
    return rows[0];
  }
}
