import { Injectable } from '@nestjs/common';
import type { IndicatorDto, IndicatorStateDto, MeasurementDto } from '@enlace/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { groupBy } from '../common/group-by.js';
import { EvidenceFileEntity, IndicatorEntity, MeasurementEntity } from './agreement.entities.js';

/** A timestamp as `Date.prototype.toISOString()` writes it, so rows are response shapes as read. */
export const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A measurement that a correction replaced counts in no progress. */
const CURRENT = (m: string) => `NOT EXISTS (SELECT 1 FROM measurements s WHERE s.supersedes_id = ${m}.id)`;

/**
 * For indicator `i`, in one index scan of its current measurements (newest period first, then newest
 * recorded): the latest measurement's value and period end, and the latest verified one's.
 */
const LATEST_VALUES = (i: string) => `
  LEFT JOIN LATERAL (
    SELECT (array_agg(m.value ORDER BY m.period_end DESC, m.created_at DESC))[1] AS reported_value,
           (array_agg(m.period_end ORDER BY m.period_end DESC, m.created_at DESC))[1] AS reported_period_end,
           (array_agg(m.value ORDER BY m.period_end DESC, m.created_at DESC) FILTER (WHERE m.status = 'verified'))[1] AS verified_value,
           (array_agg(m.period_end ORDER BY m.period_end DESC, m.created_at DESC) FILTER (WHERE m.status = 'verified'))[1] AS verified_period_end
      FROM measurements m WHERE m.indicator_id = ${i}.id AND ${CURRENT('m')}
  ) latest ON true`;

/** The share of the way from baseline to target (0–1, clamped) that indicator `i` stands at by its latest (`reported`) or latest verified value; 0 without one. */
export const SHARE = (i: string, by: 'reported' | 'verified') =>
  `COALESCE(LEAST(1, GREATEST(0, (${i}.${by}_value - ${i}.baseline) / (${i}.target - ${i}.baseline))), 0)`;

const INDICATOR_COLUMNS = `i.id, i.commitment_id AS "commitmentId", i.name, i.unit, i.category, i.direction,
  i.baseline::float8 AS baseline, i.target::float8 AS target, i.frequency, i.means_of_verification AS "meansOfVerification",
  i.version, ${isoTime('i.created_at')} AS "createdAt", ${isoTime('i.updated_at')} AS "updatedAt"`;

const INDICATOR_SELECT = `SELECT ${INDICATOR_COLUMNS},
    round(${SHARE('i', 'reported')}, 4)::float8 AS "progressReported",
    round(${SHARE('i', 'verified')}, 4)::float8 AS "progressVerified"
  FROM indicators i`;

export const EVIDENCE_JSON = (e: string) => `json_build_object('id', ${e}.id, 'commitmentId', ${e}.commitment_id, 'measurementId', ${e}.measurement_id,
  'fileName', ${e}.file_name, 'mediaType', ${e}.media_type, 'size', ${e}.size, 'sha256', ${e}.sha256, 'uploadedBy', ${e}.uploaded_by,
  'createdAt', ${isoTime(`${e}.created_at`)})`;

const MEASUREMENT_SELECT = `SELECT m.id, m.indicator_id AS "indicatorId", i.commitment_id AS "commitmentId",
    m.period_start::text AS "periodStart", m.period_end::text AS "periodEnd", m.value::float8 AS value, m.note, m.status,
    m.supersedes_id AS "supersedesId", (SELECT s.id FROM measurements s WHERE s.supersedes_id = m.id) AS "supersededById",
    m.reported_by AS "reportedBy", m.reported_by_organization_id AS "reportedByOrganizationId",
    m.reviewed_by AS "reviewedBy", m.reviewed_by_organization_id AS "reviewedByOrganizationId",
    ${isoTime('m.reviewed_at')} AS "reviewedAt", m.dispute_reason AS "disputeReason",
    COALESCE((SELECT json_agg(${EVIDENCE_JSON('e')} ORDER BY e.created_at, e.id) FROM evidence_files e WHERE e.measurement_id = m.id), '[]') AS evidence,
    m.version, ${isoTime('m.created_at')} AS "createdAt"
  FROM measurements m JOIN indicators i ON i.id = m.indicator_id`;

export type IndicatorChanges = Partial<Pick<IndicatorEntity, 'name' | 'unit' | 'category' | 'direction' | 'baseline' | 'target' | 'frequency' | 'meansOfVerification'>>;

/** The database's own check that a target lies beyond the baseline in the indicator's direction. */
async function inDirection<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'indicators_target_direction') {
      throw new AppError('VALIDATION_FAILED', 'The request is not valid', [
        { path: 'target', message: 'The target must lie beyond the baseline in the indicator’s direction', code: 'custom' },
      ]);
    }
    throw error;
  }
}

/** Indicators of commitments, and their measurements. */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, values: Omit<IndicatorEntity, 'id' | 'version' | 'updatedAt'>): Promise<IndicatorStateDto> {
    const result = await inDirection(manager.getRepository(IndicatorEntity).insert(values));
    return (await this.find(result.identifiers[0].id as string, manager))!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<IndicatorStateDto | undefined> {
    const rows: IndicatorStateDto[] = await manager.query(`SELECT ${INDICATOR_COLUMNS} FROM indicators i WHERE i.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0];
  }

  /** Recomputes the indicator's latest reported and verified values after a measurement changed (its row locked by the caller). */
  async refreshLatest(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE indicators i SET reported_value = latest.reported_value, reported_period_end = latest.reported_period_end,
              verified_value = latest.verified_value, verified_period_end = latest.verified_period_end
         FROM indicators x ${LATEST_VALUES('x')}
        WHERE i.id = $1 AND x.id = $1`,
      [id],
    );
  }

  /** Compare-and-set on `version`: undefined when someone else changed the indicator first. */
  async update(manager: EntityManager, id: string, version: number, changes: IndicatorChanges): Promise<IndicatorStateDto | undefined> {
    const result = await inDirection(
      manager
        .createQueryBuilder()
        .update(IndicatorEntity)
        .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :version', { id, version })
        .execute(),
    );
    return result.affected === 1 ? this.find(id, manager) : undefined;
  }

  /** A commitment's indicators with their progress and every measurement, newest period first. */
  ofCommitment(commitmentId: string, manager: EntityManager = this.dataSource.manager): Promise<IndicatorDto[]> {
    return this.indicatorsWhere('i.commitment_id = $1', commitmentId, manager);
  }

  /** The same for every commitment of an agreement, in two queries whatever their number. */
  ofAgreement(agreementId: string): Promise<IndicatorDto[]> {
    return this.indicatorsWhere('i.commitment_id IN (SELECT id FROM commitments WHERE agreement_id = $1)', agreementId, this.dataSource.manager);
  }

  private async indicatorsWhere(condition: string, id: string, manager: EntityManager): Promise<IndicatorDto[]> {
    const indicators: Array<Omit<IndicatorDto, 'measurements'>> = await manager.query(`${INDICATOR_SELECT} WHERE ${condition} ORDER BY i.created_at, i.id`, [id]);
    const measurements: MeasurementDto[] = await manager.query(`${MEASUREMENT_SELECT} WHERE ${condition} ORDER BY m.period_end DESC, m.created_at DESC, m.id`, [id]);
    const byIndicator = groupBy(measurements, (measurement) => measurement.indicatorId);
    return indicators.map((indicator) => ({ ...indicator, measurements: byIndicator.get(indicator.id) ?? [] }));
  }

  async insertMeasurement(manager: EntityManager, values: Omit<MeasurementEntity, 'id' | 'status' | 'reviewedBy' | 'reviewedByOrganizationId' | 'reviewedAt' | 'disputeReason' | 'version'>): Promise<string> {
    try {
      const result = await manager.getRepository(MeasurementEntity).insert(values);
      return result.identifiers[0].id as string;
    } catch (error) {
      if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'measurements_supersedes_id_key') {
        throw new AppError('MEASUREMENT_FINAL', 'This measurement has already been corrected');
      }
      throw error;
    }
  }

  async findMeasurement(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MeasurementDto | undefined> {
    const rows: MeasurementDto[] = await manager.query(`${MEASUREMENT_SELECT} WHERE m.id = $1${lock ? ' FOR UPDATE OF m' : ''}`, [id]);
    return rows[0];
  }

  /** Compare-and-set on `version`, and never on a verified measurement. */
  async review(manager: EntityManager, id: string, version: number, review: Pick<MeasurementEntity, 'status' | 'reviewedBy' | 'reviewedByOrganizationId' | 'disputeReason'>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MeasurementEntity)
      .set({ ...review, reviewedAt: () => 'now()', version: () => 'version + 1' })
      .where(`id = :id AND version = :version AND status <> 'verified'`, { id, version })
      .execute();
    return result.affected === 1;
  }

  /** Attaches uploaded, still unattached evidence of the same commitment; how many it attached. */
  async attachEvidence(manager: EntityManager, measurementId: string, commitmentId: string, evidenceIds: string[]): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(EvidenceFileEntity)
      .set({ measurementId })
      .where('id IN (:...evidenceIds) AND commitment_id = :commitmentId AND measurement_id IS NULL', { evidenceIds, commitmentId })
      .execute();
    return result.affected ?? 0;
  }
}
