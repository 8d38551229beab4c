import { Injectable } from '@nestjs/common';
import type { CreateIndicatorInput, IndicatorDto, IndicatorStateDto, MeasurementDto, RecordMeasurementInput, ReviewMeasurementInput, UpdateIndicatorInput } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { AccessService, type WorkspaceAccess } from '../workspaces/access.service.js';
import { AgreementsRepository } from './agreements.repository.js';
import { CommitmentsRepository, type CommitmentRow } from './commitments.repository.js';
import { IndicatorsRepository, type IndicatorChanges } from './indicators.repository.js';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', 'The request is not valid', [{ path, message, code: 'invalid_reference' }]);

/**
 * Indicators and measurements. Defining an indicator is defining the commitment (owners and coordinators);
 * measurements follow the local official's rule, like progress updates; a measurement is verified or
 * disputed by a member of another party, never by the responsible organisation or the reporter's.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly agreements: AgreementsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(auth: AuthUser, commitmentId: string, input: CreateIndicatorInput): Promise<IndicatorDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { row, access } = await this.commitmentWithAccess(auth, commitmentId, tx.manager);
      access.require('update', 'Agreement');
      const indicator = await this.indicators.insert(tx.manager, { commitmentId, ...input, meansOfVerification: input.meansOfVerification ?? '', createdBy: auth.id });
      tx.record({ workspaceId: row.agreementId, type: 'indicator.created', entityId: indicator.id, payload: indicator });
      return { ...indicator, progressReported: 0, progressVerified: 0, measurements: [] };
    });
  }

  async update(auth: AuthUser, id: string, input: UpdateIndicatorInput): Promise<IndicatorStateDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { indicator, commitment, access } = await this.indicatorWithAccess(auth, id, tx.manager);
      access.require('update', 'Agreement');
      const { version, ...fields } = input;
      const changes: IndicatorChanges = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined && value !== indicator[key]) Object.assign(changes, { [key]: value });
      }
      if (version !== indicator.version) throw versionConflict('indicator', indicator);
      if (Object.keys(changes).length === 0) return indicator;
      const updated = await this.indicators.update(tx.manager, id, version, changes);
      if (!updated) throw versionConflict('indicator', (await this.indicators.find(id, tx.manager))!);
      tx.record({ workspaceId: commitment.agreementId, type: 'indicator.updated', entityId: id, payload: updated });
      return updated;
    });
  }

  /**
   * A value for a period, with evidence already uploaded to the commitment; with `supersedesId`, the
   * correction of an earlier measurement of the same indicator (which stays as it was). Its event lists
   * the evidence with each file's SHA-256.
   */
  async record(auth: AuthUser, indicatorId: string, input: RecordMeasurementInput): Promise<MeasurementDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      // The indicator row is locked first, by every measurement write: its latest values stay consistent.
      const { commitment, access } = await this.indicatorWithAccess(auth, indicatorId, tx.manager, true);
      access.require('update', 'Commitment', { responsibleOrganizationId: commitment.responsibleOrganizationId });
      if (input.supersedesId !== undefined) {
        const earlier = await this.indicators.findMeasurement(input.supersedesId, tx.manager, true);
        if (!earlier || earlier.indicatorId !== indicatorId) throw invalid('supersedesId', 'Not a measurement of this indicator');
        if (earlier.supersededById !== null) throw new AppError('MEASUREMENT_FINAL', 'This measurement has already been corrected');
      }
      const id = await this.indicators.insertMeasurement(tx.manager, {
        indicatorId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        value: input.value,
        note: input.note ?? '',
        supersedesId: input.supersedesId ?? null,
        reportedBy: auth.id,
        reportedByOrganizationId: auth.organizationId,
      });
      const evidenceIds = [...new Set(input.evidenceIds ?? [])];
      if (evidenceIds.length > 0 && (await this.indicators.attachEvidence(tx.manager, id, commitment.id, evidenceIds)) !== evidenceIds.length) {
        throw invalid('evidenceIds', 'Each file must be evidence uploaded to this commitment and not yet attached to a measurement');
      }
      await this.indicators.refreshLatest(tx.manager, indicatorId);
      const measurement = (await this.indicators.findMeasurement(id, tx.manager))!;
      tx.record({ workspaceId: commitment.agreementId, type: 'measurement.recorded', entityId: id, payload: measurement });
      return measurement;
    });
  }

  /** Verified or disputed by another party's member; a verified measurement is final. */
  async review(auth: AuthUser, measurementId: string, input: ReviewMeasurementInput): Promise<MeasurementDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const found = await this.indicators.findMeasurement(measurementId, tx.manager);
      if (!found) throw notFound('Measurement');
      // The indicator first, then the measurement: the order every measurement write locks in.
      await this.indicators.find(found.indicatorId, tx.manager, true);
      const measurement = (await this.indicators.findMeasurement(measurementId, tx.manager, true))!;
      const { row: commitment, access } = await this.commitmentWithAccess(auth, measurement.commitmentId, tx.manager);
      access.require('read', 'Commitment');
      const own = [commitment.responsibleOrganizationId, measurement.reportedByOrganizationId];
      if (measurement.reportedBy === auth.id || (auth.organizationId !== null && own.includes(auth.organizationId))) {
        throw new AppError('SELF_VERIFICATION', 'A measurement is verified by another party, never by the organisation responsible for it or that reported it');
      }
      access.require('create', 'Verification', { responsibleOrganizationId: commitment.responsibleOrganizationId });
      if (!(await this.agreements.party(commitment.agreementId, auth.organizationId!, tx.manager))) {
        throw new AppError('FORBIDDEN', 'Only members of a party to the agreement verify its measurements');
      }
      if (measurement.status === 'verified' || measurement.supersededById !== null) {
        throw new AppError('MEASUREMENT_FINAL', 'This measurement is verified or corrected; record a new measurement that supersedes it');
      }
      if (input.version !== measurement.version) throw versionConflict('measurement', measurement);
      const reviewed = await this.indicators.review(tx.manager, measurementId, input.version, {
        status: input.verdict,
        reviewedBy: auth.id,
        reviewedByOrganizationId: auth.organizationId,
        disputeReason: input.verdict === 'disputed' ? input.reason! : null,
      });
      if (!reviewed) throw versionConflict('measurement', (await this.indicators.findMeasurement(measurementId, tx.manager))!);
      await this.indicators.refreshLatest(tx.manager, measurement.indicatorId);
      const updated = (await this.indicators.findMeasurement(measurementId, tx.manager))!;
      tx.record({ workspaceId: commitment.agreementId, type: 'measurement.reviewed', entityId: measurementId, payload: updated });
      return updated;
    });
  }

  private async commitmentWithAccess(auth: AuthUser, id: string, manager: EntityManager): Promise<{ row: CommitmentRow; access: WorkspaceAccess }> {
    const row = await this.commitments.find(id, manager);
    if (!row) throw notFound('Commitment');
    return { row, access: await this.access.workspace(auth, row.agreementId, manager) };
  }

  private async indicatorWithAccess(auth: AuthUser, id: string, manager: EntityManager, lock = false): Promise<{ indicator: IndicatorStateDto; commitment: CommitmentRow; access: WorkspaceAccess }> {
    const indicator = await this.indicators.find(id, manager, lock);
    if (!indicator) throw notFound('Indicator');
    const { row, access } = await this.commitmentWithAccess(auth, indicator.commitmentId, manager);
    return { indicator, commitment: row, access };
  }
}
