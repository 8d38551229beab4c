import { Injectable } from '@nestjs/common';
import type { CommitmentDetailDto, CommitmentDto, CreateCommitmentInput, Page, ReportProgressInput, UpdateCommitmentInput } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { groupBy } from '../common/group-by.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { AccessService, type WorkspaceAccess } from '../workspaces/access.service.js';
import { mapCommitment, mapCommitmentState, mapProgress, todayUtc } from './agreements.dto.js';
import { AgreementsRepository } from './agreements.repository.js';
import { CommitmentsRepository, type CommitmentChanges, type CommitmentRow } from './commitments.repository.js';
import { IndicatorsRepository } from './indicators.repository.js';

/**
 * What each party promised. Owners and coordinators define commitments (that is editing the agreement);
 * progress is reported by them or by a contributor of the responsible organisation (the local official's
 * rule, in shared/src/permissions.ts). `overdue` is computed for each response, never stored.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly commitments: CommitmentsRepository,
    private readonly agreements: AgreementsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** A responsible organisation that is not a party is refused with 400 NOT_A_PARTY (by the database's reference). */
  async create(auth: AuthUser, agreementId: string, input: CreateCommitmentInput): Promise<CommitmentDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      (await this.access.workspace(auth, agreementId, tx.manager)).require('create', 'Commitment');
      if (!(await this.agreements.find(agreementId, tx.manager))) throw notFound('Agreement');
      const row = await this.commitments.insert(tx.manager, {
        agreementId,
        text: input.text,
        responsibleOrganizationId: input.responsibleOrganizationId,
        thematicArea: input.thematicArea,
        dueOn: input.dueOn ?? null,
        budgetAllocated: input.budgetAllocated ?? null,
        budgetExecuted: input.budgetExecuted ?? null,
        currency: input.currency ?? null,
        staffAssigned: input.staffAssigned ?? null,
        createdBy: auth.id,
      });
      tx.record({ workspaceId: agreementId, type: 'commitment.created', entityId: row.id, payload: mapCommitmentState(row) });
      return mapCommitment(row, todayUtc());
    });
  }

  async list(auth: AuthUser, agreementId: string): Promise<Page<CommitmentDto>> {
    (await this.access.workspace(auth, agreementId)).require('read', 'Commitment');
    if (!(await this.agreements.find(agreementId))) throw notFound('Agreement');
    const today = todayUtc();
    return { items: (await this.commitments.ofAgreement(agreementId)).map((row) => mapCommitment(row, today)) };
  }

  /** Every commitment with its history, indicators and cards: the Commitments tab in one request (five queries, whatever the count). */
  async details(auth: AuthUser, agreementId: string): Promise<Page<CommitmentDetailDto>> {
    (await this.access.workspace(auth, agreementId)).require('read', 'Commitment');
    if (!(await this.agreements.find(agreementId))) throw notFound('Agreement');
    const [rows, progress, indicators, cards] = await Promise.all([
      this.commitments.ofAgreement(agreementId),
      this.commitments.progressOfAgreement(agreementId),
      this.indicators.ofAgreement(agreementId),
      this.commitments.cardsOfAgreement(agreementId),
    ]);
    const today = todayUtc();
    const progressOf = groupBy(progress, (item) => item.commitmentId);
    const indicatorsOf = groupBy(indicators, (item) => item.commitmentId);
    const cardsOf = groupBy(cards, (item) => item.commitmentId);
    return {
      items: rows.map((row) => ({
        ...mapCommitment(row, today),
        progress: (progressOf.get(row.id) ?? []).map(mapProgress),
        indicators: indicatorsOf.get(row.id) ?? [],
        cards: (cardsOf.get(row.id) ?? []).map(({ commitmentId: _, ...card }) => card),
      })),
    };
  }

  async get(auth: AuthUser, id: string): Promise<CommitmentDetailDto> {
    const { row, access } = await this.withAccess(auth, id);
    access.require('read', 'Commitment');
    return this.detail(row);
  }

  /** What was committed (text, responsible party, area, due date, resources): editing the agreement's terms. */
  async update(auth: AuthUser, id: string, input: UpdateCommitmentInput): Promise<CommitmentDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const { row, access } = await this.withAccess(auth, id, tx.manager);
      access.require('update', 'Agreement');
      const { version, ...fields } = input;
      const changes: CommitmentChanges = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined && value !== row[key]) Object.assign(changes, { [key]: value });
      }
      if (version !== row.version) throw versionConflict('commitment', mapCommitment(row, todayUtc()));
      if (Object.keys(changes).length === 0) return mapCommitment(row, todayUtc());
      const merged = { ...row, ...changes };
      if ((merged.budgetAllocated !== null || merged.budgetExecuted !== null) && merged.currency === null) {
        throw new AppError('VALIDATION_FAILED', 'The request is not valid', [{ path: 'currency', message: 'A budget needs its currency', code: 'invalid_reference' }]);
      }
      const updated = await this.commitments.update(tx.manager, id, version, changes);
      if (!updated) throw versionConflict('commitment', mapCommitment((await this.commitments.find(id, tx.manager))!, todayUtc()));
      tx.record({ workspaceId: row.agreementId, type: 'commitment.updated', entityId: id, payload: mapCommitmentState(updated) });
      return mapCommitment(updated, todayUtc());
    });
  }

  /** A note, and a status change if any, kept in the commitment's progress history. */
  async reportProgress(auth: AuthUser, id: string, input: ReportProgressInput): Promise<CommitmentDetailDto> {
    const result = await this.unitOfWork.run(auth.id, async (tx) => {
      const { row, access } = await this.withAccess(auth, id, tx.manager);
      access.require('update', 'Commitment', { responsibleOrganizationId: row.responsibleOrganizationId });
      if (input.version !== row.version) throw versionConflict('commitment', mapCommitment(row, todayUtc()));
      const changes: CommitmentChanges = input.status === undefined ? {} : { status: input.status, blockedReason: input.blockedReason ?? null };
      const updated = await this.commitments.update(tx.manager, id, input.version, changes);
      if (!updated) throw versionConflict('commitment', mapCommitment((await this.commitments.find(id, tx.manager))!, todayUtc()));
      const progress = mapProgress(
        await this.commitments.insertProgress(tx.manager, {
          commitmentId: id,
          note: input.note,
          statusFrom: row.status,
          statusTo: updated.status,
          blockedReason: updated.blockedReason,
          authorId: auth.id,
        }),
      );
      tx.record({ workspaceId: row.agreementId, type: 'commitment.progressed', entityId: id, payload: { commitment: mapCommitmentState(updated), progress } });
      return updated;
    });
    return this.detail(result);
  }

  /** The commitment with its progress history, indicators (measurements included) and linked cards. */
  private async detail(row: CommitmentRow): Promise<CommitmentDetailDto> {
    const [progress, indicators, cards] = await Promise.all([this.commitments.progress(row.id), this.indicators.ofCommitment(row.id), this.commitments.cards(row.id)]);
    return { ...mapCommitment(row, todayUtc()), progress: progress.map(mapProgress), indicators, cards };
  }

  private async withAccess(auth: AuthUser, id: string, manager?: EntityManager): Promise<{ row: CommitmentRow; access: WorkspaceAccess }> {
    const row = await this.commitments.find(id, manager);
    if (!row) throw notFound('Commitment');
    return { row, access: await this.access.workspace(auth, row.agreementId, manager) };
  }
}
