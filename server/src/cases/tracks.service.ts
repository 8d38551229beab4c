import { Injectable } from '@nestjs/common';
import {
  ASSISTANCE_TRANSITIONS,
  type AssistanceDto,
  type JusticeEntryDto,
  type Page,
  type RecordJusticeInput,
  type RequestAssistanceInput,
  type TransitionAssistanceInput,
  type UpdateAssistanceInput,
  type UpdateJusticeInput,
} from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { AccessService } from '../workspaces/access.service.js';
import { CasesRepository } from './cases.repository.js';
import { ReferralsRepository } from './referrals.repository.js';
import { mapAssistance, mapJustice } from './tracks.dto.js';
import { TracksRepository, type AssistanceRow } from './tracks.repository.js';

/** The event each assistance step records (literal types, so the event catalogue's check sees them). */
const ASSISTANCE_EVENTS = { given: 'assistance.given', ended: 'assistance.ended' } as const;

/** A date that comes before the one it must follow: 400, naming the field. */
function outOfOrder(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', [{ path, message, code: 'custom' }]);
}

/**
 * A case's two tracks. Assistance: services requested, given and ended, read and written by those the shared rules
 * allow (members of law-enforcement organisations only with an owner's grant); nothing here looks at whether the
 * person cooperates with the authorities. Criminal justice: dated entries every member reads and editors record.
 * Every change is a catalogued event in the case's log, and every write carries the version it read.
 */
@Injectable()
export class TracksService {
  constructor(
    private readonly tracks: TracksRepository,
    private readonly cases: CasesRepository,
    private readonly referrals: ReferralsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async listAssistance(auth: AuthUser, caseId: string): Promise<Page<AssistanceDto>> {
    await this.caseFor(auth, caseId, 'read', 'CaseAssistance');
    return { items: (await this.tracks.assistanceOf(caseId)).map(mapAssistance) };
  }

  async requestAssistance(auth: AuthUser, caseId: string, input: RequestAssistanceInput): Promise<AssistanceDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      await this.caseFor(auth, caseId, 'create', 'CaseAssistance', tx.manager);
      await this.organizationExists(tx.manager, input.providerOrganizationId);
      const row = mapAssistance(
        await this.tracks.insertAssistance(tx.manager, {
          caseId,
          service: input.service,
          requestedOn: input.requestedOn,
          providerOrganizationId: input.providerOrganizationId ?? null,
          note: input.note ?? null,
          createdBy: auth.id,
        }),
      );
      tx.record({ workspaceId: caseId, type: 'assistance.requested', entityId: row.id, payload: row });
      return row;
    });
  }

  async updateAssistance(auth: AuthUser, caseId: string, id: string, input: UpdateAssistanceInput): Promise<AssistanceDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.assistanceFor(auth, caseId, id, tx.manager);
      const { version, ...changes } = input;
      if (version !== current.version) throw versionConflict('assistance service', mapAssistance(current));
      const requestedOn = changes.requestedOn ?? current.requestedOn;
      const next = current.startedOn ?? current.endedOn;
      if (next !== null && requestedOn > next) throw outOfOrder('requestedOn', 'A service is requested before it is given or ended');
      await this.organizationExists(tx.manager, changes.providerOrganizationId);
      const row = mapAssistance((await this.tracks.updateAssistance(tx.manager, id, version, changes))!);
      tx.record({ workspaceId: caseId, type: 'assistance.updated', entityId: id, payload: row });
      return row;
    });
  }

  /** `requested → given → ended`, or `requested → ended`; anything else is 409 ILLEGAL_TRANSITION with the allowed steps. */
  async transitionAssistance(auth: AuthUser, caseId: string, id: string, input: TransitionAssistanceInput): Promise<AssistanceDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.assistanceFor(auth, caseId, id, tx.manager);
      if (input.version !== current.version) throw versionConflict('assistance service', mapAssistance(current));
      const allowed = [...ASSISTANCE_TRANSITIONS[current.status]];
      if (!allowed.includes(input.to)) {
        throw new AppError('ILLEGAL_TRANSITION', `A service cannot go from ${current.status} to ${input.to}`, { from: current.status, to: input.to, allowed });
      }
      if (input.on < (current.startedOn ?? current.requestedOn)) throw outOfOrder('on', 'A service is given after it is requested, and ended after it is given');
      const dates = input.to === 'given' ? { startedOn: input.on } : { endedOn: input.on };
      const updated = await this.tracks.updateAssistance(tx.manager, id, input.version, { status: input.to, ...dates, ...(input.note !== undefined && { note: input.note }) });
      const row = mapAssistance(updated!);
      tx.record({ workspaceId: caseId, type: ASSISTANCE_EVENTS[input.to], entityId: id, payload: row });
      return row;
    });
  }

  async listJustice(auth: AuthUser, caseId: string): Promise<Page<JusticeEntryDto>> {
    await this.caseFor(auth, caseId, 'read', 'CaseJustice');
    return { items: (await this.tracks.justiceOf(caseId)).map(mapJustice) };
  }

  async recordJustice(auth: AuthUser, caseId: string, input: RecordJusticeInput): Promise<JusticeEntryDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      await this.caseFor(auth, caseId, 'create', 'CaseJustice', tx.manager);
      await this.organizationExists(tx.manager, input.authorityOrganizationId);
      const row = mapJustice(
        await this.tracks.insertJustice(tx.manager, {
          caseId,
          step: input.step,
          on: input.on,
          authorityOrganizationId: input.authorityOrganizationId ?? null,
          reference: input.reference ?? null,
          note: input.note ?? null,
          createdBy: auth.id,
        }),
      );
      tx.record({ workspaceId: caseId, type: 'justice.recorded', entityId: row.id, payload: row });
      return row;
    });
  }

  async updateJustice(auth: AuthUser, caseId: string, id: string, input: UpdateJusticeInput): Promise<JusticeEntryDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      await this.caseFor(auth, caseId, 'update', 'CaseJustice', tx.manager);
      const current = await this.tracks.justice(tx.manager, id, true);
      if (!current || current.caseId !== caseId) throw notFound('Justice entry');
      const { version, ...changes } = input;
      if (version !== current.version) throw versionConflict('justice entry', mapJustice(current));
      await this.organizationExists(tx.manager, changes.authorityOrganizationId);
      const row = mapJustice((await this.tracks.updateJustice(tx.manager, id, version, changes))!);
      tx.record({ workspaceId: caseId, type: 'justice.updated', entityId: id, payload: row });
      return row;
    });
  }

  /** The caller may do `action` on the track in this case workspace (non-members 404, others 403), and it is a case. */
  private async caseFor(
    auth: AuthUser,
    caseId: string,
    action: 'read' | 'create' | 'update',
    subject: 'CaseAssistance' | 'CaseJustice',
    manager?: EntityManager,
  ): Promise<void> {
    (await this.access.workspace(auth, caseId, manager)).require(action, subject);
    if (!(await this.cases.find(caseId, manager))) throw notFound('Case');
  }

  /** The service for a change, locked until the transaction ends; a service of another case does not exist here. */
  private async assistanceFor(auth: AuthUser, caseId: string, id: string, manager: EntityManager): Promise<AssistanceRow> {
    await this.caseFor(auth, caseId, 'update', 'CaseAssistance', manager);
    const row = await this.tracks.assistance(manager, id, true);
    if (!row || row.caseId !== caseId) throw notFound('Assistance service');
    return row;
  }

  private async organizationExists(manager: EntityManager, id: string | null | undefined): Promise<void> {
    if (id && !(await this.referrals.organizationExists(manager, id))) throw notFound('Organization');
  }
}
