import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AGREEMENT_TRANSITIONS,
  AgreementDetailsSchema,
  TERMS_EDITABLE_IN,
  TRANSITION_DATES,
  datesInOrder,
  type AgreementDto,
  type AgreementListItemDto,
  type AgreementListQuery,
  type CreateAgreementInput,
  type CreateAmendmentInput,
  type Locale,
  type Page,
  type TermsVersionDto,
  type TransitionAgreementInput,
  type TransitionDto,
  type UpdateAgreementInput,
} from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { abilityWhere } from '../common/authorization/ability-sql.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { pageOf } from '../common/pagination.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { AccessService, type WorkspaceAccess } from '../workspaces/access.service.js';
import { WorkspaceHooks } from '../workspaces/workspace-hooks.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import { mapAgreement, mapAgreementListItem, mapAgreementState, mapAmendment, mapTransition, todayUtc } from './agreements.dto.js';
import { AgreementsRepository, type AgreementChanges, type AgreementRow } from './agreements.repository.js';

const datesOutOfOrder = () =>
  new AppError('VALIDATION_FAILED', 'The request is not valid', [{ path: 'expiresOn', message: 'expiresOn must not be before effectiveFrom', code: 'dates_out_of_order' }]);

/** The agreement record: created with its workspace, edited, moved through its lifecycle and amended. */
@Injectable()
export class AgreementsService implements OnModuleInit {
  constructor(
    private readonly agreements: AgreementsRepository,
    private readonly workspaces: WorkspacesService,
    private readonly hooks: WorkspaceHooks,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Every agreement workspace gets its record in the transaction that creates it: with the fields
   * `POST /api/agreements` passed, or as a default draft from the generic `POST /api/workspaces`.
   */
  onModuleInit(): void {
    this.hooks.onCreate(
      async ({ tx, workspace, details }) => {
        const fields = AgreementDetailsSchema.parse(details ?? {});
        const row = await this.agreements.insert(tx.manager, {
          workspaceId: workspace.id,
          leadOrganizationId: workspace.leadOrganizationId,
          kind: fields.kind,
          referenceCode: fields.referenceCode ?? null,
          summary: fields.summary ?? '',
          terms: fields.terms ?? '',
          thematicAreas: fields.thematicAreas ?? [],
          countries: fields.countries ?? [],
          jurisdictions: fields.jurisdictions ?? [],
          signedOn: fields.signedOn ?? null,
          effectiveFrom: fields.effectiveFrom ?? null,
          expiresOn: fields.expiresOn ?? null,
          nextReviewOn: fields.nextReviewOn ?? null,
        });
        tx.record({ workspaceId: workspace.id, type: 'agreement.created', entityId: workspace.id, payload: mapAgreementState(row) });
      },
      ['agreement'],
    );
  }

  /** The workspace (kind `agreement`, the caller its owner) and its agreement, in one transaction. */
  async create(auth: AuthUser, input: CreateAgreementInput, locale: Locale): Promise<AgreementDto> {
    const { title, description, ...details } = input;
    const workspace = await this.workspaces.create(auth, { kind: 'agreement', title, description }, locale, details);
    return this.get(auth, workspace.id);
  }

  async get(auth: AuthUser, id: string): Promise<AgreementDto> {
    const { row } = await this.readable(auth, id);
    return mapAgreement(row, await this.agreements.parties(id));
  }

  /** The caller's agreements only (scoped in SQL from their ability), newest change first, with their summaries. */
  async list(auth: AuthUser, query: AgreementListQuery): Promise<Page<AgreementListItemDto>> {
    const { limit, cursor, ...filters } = query;
    const ability = await this.access.everywhere(auth);
    const readable = abilityWhere(ability, 'read', 'Agreement', { workspaceId: 'a.workspace_id' }, 'ag');
    const rows = await this.agreements.list({ ...filters, readable, today: todayUtc() }, limit + 1, cursor);
    return pageOf(rows, limit, mapAgreementListItem, (item) => item.id);
  }

  async update(auth: AuthUser, id: string, input: UpdateAgreementInput): Promise<AgreementDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.editable(auth, id, tx.manager);
      const { version, ...fields } = input;
      const changes: AgreementChanges = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) Object.assign(changes, { [key]: value });
      }
      if (version !== current.version) throw versionConflict('agreement', await this.dto(current, tx.manager));
      if (Object.keys(changes).length === 0) return this.dto(current, tx.manager);
      if (changes.terms !== undefined && !TERMS_EDITABLE_IN.includes(current.status)) {
        throw new AppError('TERMS_LOCKED', 'A signed agreement’s terms change only by amendment');
      }
      if (!datesInOrder({ ...current, ...changes })) throw datesOutOfOrder();
      const updated = await this.agreements.update(tx.manager, id, version, changes);
      if (!updated) throw versionConflict('agreement', await this.dto((await this.agreements.find(id, tx.manager))!, tx.manager));
      tx.record({ workspaceId: id, type: 'agreement.updated', entityId: id, payload: mapAgreementState(updated) });
      return this.dto(updated, tx.manager);
    });
  }

  /**
   * One step of `draft → negotiation → signed → in_force ⇄ suspended → expired | terminated`, recorded with
   * its actor, time and reason. Signing needs at least one signatory party and every signatory's signature
   * date (the agreement's `signedOn` becomes the step's own date, else the latest of them unless already set);
   * entering into force needs `effectiveFrom`, given with the step or already recorded. A step's date is saved
   * with it, in the same transaction (TRANSITION_DATES). Refusals are 409 ILLEGAL_TRANSITION with the allowed
   * next statuses in `details`.
   */
  async transition(auth: AuthUser, id: string, input: TransitionAgreementInput): Promise<AgreementDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.editable(auth, id, tx.manager, true);
      if (input.version !== current.version) throw versionConflict('agreement', await this.dto(current, tx.manager));
      const from = current.status;
      const allowed = [...AGREEMENT_TRANSITIONS[from]];
      const refuse = (message: string, more: Record<string, unknown> = {}) =>
        new AppError('ILLEGAL_TRANSITION', message, { from, to: input.to, allowed, ...more });
      if (!allowed.includes(input.to)) throw refuse(`An agreement cannot go from ${from} to ${input.to}`);
      const changes: AgreementChanges = { status: input.to };
      for (const field of Object.values(TRANSITION_DATES)) if (input[field] !== undefined) changes[field] = input[field];
      if (input.to === 'signed') {
        const signatories = (await this.agreements.parties(id, tx.manager)).filter((party) => party.role === 'signatory');
        if (signatories.length === 0) throw refuse('Signing needs at least one signatory party', { requires: 'signatory' });
        const unsigned = signatories.filter((party) => party.signedOn === null).map((party) => party.organizationId);
        if (unsigned.length > 0) throw refuse('Every signatory party’s signature date must be recorded first', { requires: 'signatures', unsigned });
        if (current.signedOn === null) changes.signedOn ??= signatories.map((party) => party.signedOn!).sort().at(-1)!;
      }
      if (input.to === 'in_force' && (changes.effectiveFrom ?? current.effectiveFrom) === null) throw refuse('Entering into force needs an effective date', { requires: 'effectiveFrom' });
      if (!datesInOrder({ ...current, ...changes })) throw datesOutOfOrder();
      const updated = (await this.agreements.update(tx.manager, id, current.version, changes))!;
      const transition = mapTransition(await this.agreements.insertTransition(tx.manager, { agreementId: id, from, to: input.to, reason: input.reason ?? null, actorId: auth.id }));
      tx.record({ workspaceId: id, type: 'agreement.transitioned', entityId: id, payload: { agreement: mapAgreementState(updated), transition } });
      return this.dto(updated, tx.manager);
    });
  }

  async transitions(auth: AuthUser, id: string): Promise<Page<TransitionDto>> {
    await this.readable(auth, id);
    return { items: (await this.agreements.transitions(id)).map(mapTransition) };
  }

  /** A new numbered version of the terms; earlier versions are never rewritten. Only a signed agreement is amended. */
  async amend(auth: AuthUser, id: string, input: CreateAmendmentInput): Promise<AgreementDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.editable(auth, id, tx.manager, true);
      if (input.version !== current.version) throw versionConflict('agreement', await this.dto(current, tx.manager));
      if (TERMS_EDITABLE_IN.includes(current.status)) {
        throw new AppError('NOT_SIGNED', 'Amendments are recorded once the agreement is signed; until then, edit its terms');
      }
      const number = current.termsVersion + 1;
      const amendment = await this.agreements.insertAmendment(tx.manager, {
        agreementId: id,
        number,
        amendedOn: input.amendedOn,
        summary: input.summary,
        terms: input.terms,
        createdBy: auth.id,
      });
      const updated = (await this.agreements.update(tx.manager, id, current.version, { termsVersion: number }))!;
      tx.record({ workspaceId: id, type: 'agreement.amended', entityId: id, payload: { agreement: mapAgreementState(updated), amendment: mapAmendment(amendment) } });
      return this.dto(updated, tx.manager);
    });
  }

  /** Every version of the terms, oldest first: the original (number 0), then each amendment. */
  async versions(auth: AuthUser, id: string): Promise<Page<TermsVersionDto>> {
    await this.readable(auth, id);
    const original = (await this.agreements.original(id))!;
    const amendments = await this.agreements.amendments(id);
    return {
      items: [
        { agreementId: id, number: 0, amendedOn: null, summary: null, terms: original.terms, createdBy: original.createdBy, createdAt: original.createdAt.toISOString() },
        ...amendments.map(mapAmendment),
      ],
    };
  }

  private async readable(auth: AuthUser, id: string): Promise<{ access: WorkspaceAccess; row: AgreementRow }> {
    const access = await this.access.workspace(auth, id);
    access.require('read', 'Agreement');
    const row = await this.agreements.find(id);
    if (!row) throw notFound('Agreement');
    return { access, row };
  }

  /** The agreement for a change by an owner or coordinator; `lock` holds its row until the transaction ends. */
  private async editable(auth: AuthUser, id: string, manager: EntityManager, lock = false): Promise<AgreementRow> {
    (await this.access.workspace(auth, id, manager)).require('update', 'Agreement');
    const row = lock ? await this.agreements.lock(id, manager) : await this.agreements.find(id, manager);
    if (!row) throw notFound('Agreement');
    return row;
  }

  private async dto(row: AgreementRow, manager: EntityManager): Promise<AgreementDto> {
    return mapAgreement(row, await this.agreements.parties(row.id, manager));
  }
}
