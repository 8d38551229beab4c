import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  CASE_STAGE_TRANSITIONS,
  CaseDetailsSchema,
  type CaseDto,
  type CaseListQuery,
  type CaseStateDto,
  type CaseTransitionDto,
  type CountrySettingsDto,
  type CountrySettingsInput,
  type CreateCaseInput,
  type Locale,
  type Page,
  type TransitionCaseInput,
  type UpdateCaseInput,
} from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { abilityWhere } from '../common/authorization/ability-sql.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { pageOf } from '../common/pagination.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { CardsService } from '../boards/cards.service.js';
import { AccessService } from '../workspaces/access.service.js';
import { WorkspaceHooks } from '../workspaces/workspace-hooks.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import { mapCase, mapCaseState, mapCaseTransition, newCaseValues } from './cases.dto.js';
import { CasesRepository, type CaseChanges, type CaseRow } from './cases.repository.js';
import { SensitiveService } from './sensitive.service.js';
import { StageTemplatesService } from './stage-templates.service.js';

/** `AR-2026-0042`: country, year, and the year's number for that country, at least four digits. */
export const caseCode = (country: string, year: number, number: number) => `${country}-${year}-${String(number).padStart(4, '0')}`;

/** The case record: created with its workspace, edited, moved through the referral mechanism's stages. */
@Injectable()
export class CasesService implements OnModuleInit {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly cases: CasesRepository,
    private readonly sensitive: SensitiveService,
    private readonly templates: StageTemplatesService,
    private readonly cards: CardsService,
    private readonly workspaces: WorkspacesService,
    private readonly hooks: WorkspaceHooks,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Every case workspace gets its record, code and data key in the transaction that creates it: with the
   * fields `POST /api/cases` passed, or with defaults from the generic `POST /api/workspaces`.
   */
  onModuleInit(): void {
    this.hooks.onCreate(
      async ({ tx, workspace, locale, details }) => {
        const fields = CaseDetailsSchema.parse(details ?? {});
        const country = fields.country ?? (workspace.leadOrganizationId ? await this.cases.organizationCountry(tx.manager, workspace.leadOrganizationId) : undefined);
        if (!country) {
          throw new AppError('VALIDATION_FAILED', 'The request is not valid', [
            { path: 'country', message: 'A case needs a country for its code: give one, or belong to an organisation', code: 'invalid_type' },
          ]);
        }
        const year = new Date().getUTCFullYear();
        const code = caseCode(country, year, await this.cases.nextNumber(tx.manager, country, year));
        const reflectionDays = fields.reflectionStartedOn ? await this.cases.reflectionDays(country, tx.manager) : null;
        const row = await this.cases.insert(tx.manager, newCaseValues(workspace, code, country, fields, reflectionDays));
        await this.sensitive.createDataKey(tx, row.id);
        tx.record({ workspaceId: workspace.id, type: 'case.created', entityId: workspace.id, payload: mapCaseState(row) });
        const tasks = await this.templates.tasksFor(tx.manager, workspace.leadOrganizationId, 'identified', locale);
        await this.cards.addTasks(tx, workspace.id, tasks, workspace.createdBy);
      },
      ['case'],
    );
  }

  /** The workspace (kind `case`, the caller its owner) and its case, in one transaction. */
  async create(auth: AuthUser, input: CreateCaseInput, locale: Locale): Promise<CaseDto> {
    const { title, description, ...details } = input;
    const workspace = await this.workspaces.create(auth, { kind: 'case', title, description }, locale, details);
    return this.get(auth, workspace.id);
  }

  async get(auth: AuthUser, id: string): Promise<CaseDto> {
    return mapCase(await this.readable(auth, id));
  }

  /** The caller's cases only (scoped in SQL from their ability), newest change first. */
  async list(auth: AuthUser, query: CaseListQuery): Promise<Page<CaseStateDto>> {
    const ability = await this.access.everywhere(auth);
    const readable = abilityWhere(ability, 'read', 'Case', { workspaceId: 'c.workspace_id' }, 'cs');
    const rows = await this.cases.list(readable, query.stage, query.limit + 1, query.cursor);
    return pageOf(rows, query.limit, mapCaseState, (item) => item.id);
  }

  async update(auth: AuthUser, id: string, input: UpdateCaseInput): Promise<CaseDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.editable(auth, id, tx.manager);
      const { version, ...fields } = input;
      const changes: CaseChanges = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) Object.assign(changes, { [key]: value });
      }
      if (version !== current.version) throw versionConflict('case', mapCase(current));
      if (Object.keys(changes).length === 0) return mapCase(current);
      // A period (re)started takes the country's length of the day; withdrawn, it has none.
      if (changes.reflectionStartedOn !== undefined) {
        changes.reflectionDays = changes.reflectionStartedOn === null ? null : await this.cases.reflectionDays(current.country, tx.manager);
      }
      const updated = await this.cases.update(tx.manager, id, version, changes);
      if (!updated) throw versionConflict('case', mapCase((await this.cases.find(id, tx.manager))!));
      tx.record({ workspaceId: id, type: 'case.updated', entityId: id, payload: mapCaseState(updated) });
      return mapCase(updated);
    });
  }

  /**
   * One step of `identified → assessment → assistance → inclusion | return → closed` (closing from any stage),
   * recorded with its actor, time and reason; anything else is 409 ILLEGAL_TRANSITION with the allowed stages.
   * Entering a stage adds its standard tasks to the board, in the caller's language: the lead organisation's adapted
   * template, else the defaults. Closing ends the memberships of contributors and observers from other
   * organisations: the record stays with its own.
   */
  async transition(auth: AuthUser, id: string, input: TransitionCaseInput, locale: Locale): Promise<CaseDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const current = await this.editable(auth, id, tx.manager, true);
      if (input.version !== current.version) throw versionConflict('case', mapCase(current));
      const from = current.stage;
      const allowed = [...CASE_STAGE_TRANSITIONS[from]];
      if (!allowed.includes(input.to)) {
        throw new AppError('ILLEGAL_TRANSITION', `A case cannot go from ${from} to ${input.to}`, { from, to: input.to, allowed });
      }
      const closing = input.to === 'closed';
      const updated = (await this.cases.update(tx.manager, id, current.version, { stage: input.to, ...(closing && { closedAt: new Date() }) }))!;
      const transition = mapCaseTransition(await this.cases.insertTransition(tx.manager, { caseId: id, from, to: input.to, reason: input.reason ?? null, actorId: auth.id }));
      tx.record({ workspaceId: id, type: 'case.transitioned', entityId: id, payload: { case: mapCaseState(updated), transition } });
      // The stages form no cycle, so a case enters each at most once and gets its tasks once.
      await this.cards.addTasks(tx, id, await this.templates.tasksFor(tx.manager, updated.leadOrganizationId, input.to, locale), auth.id);
      if (closing) await this.endOutsideMemberships(tx, updated);
      return mapCase(updated);
    });
  }

  async countrySettings(country: string): Promise<CountrySettingsDto> {
    if (!/^[A-Z]{2}$/.test(country)) throw notFound('Country');
    return { country, reflectionDays: await this.cases.reflectionDays(country) };
  }

  /** Platform administrators set a country's reflection period; periods already running keep theirs. */
  async updateCountrySettings(auth: AuthUser, country: string, input: CountrySettingsInput): Promise<CountrySettingsDto> {
    if (!/^[A-Z]{2}$/.test(country)) throw notFound('Country');
    if (!auth.platformAdmin) throw new AppError('FORBIDDEN', 'Only platform administrators set a country’s case settings');
    await this.cases.setReflectionDays(country, input.reflectionDays, auth.id);
    this.logger.log(`Reflection period of ${country} set to ${input.reflectionDays} days by ${auth.id}`);
    return this.countrySettings(country);
  }

  async transitions(auth: AuthUser, id: string): Promise<Page<CaseTransitionDto>> {
    await this.readable(auth, id);
    return { items: (await this.cases.transitions(id)).map(mapCaseTransition) };
  }

  private async endOutsideMemberships(tx: Tx, row: CaseRow): Promise<void> {
    const outside = (await this.workspaces.membersIn(tx, row.id)).filter(
      (member) => (member.role === 'contributor' || member.role === 'observer') && member.organizationId !== row.leadOrganizationId,
    );
    for (const member of outside) await this.workspaces.expel(tx, member);
    if (outside.length > 0) this.logger.log(`Case ${row.id} closed: ${outside.length} members of other organisations removed`);
  }

  private async readable(auth: AuthUser, id: string): Promise<CaseRow> {
    (await this.access.workspace(auth, id)).require('read', 'Case');
    const row = await this.cases.find(id);
    if (!row) throw notFound('Case');
    return row;
  }

  /** The case for a change by an owner or coordinator; `lock` holds its row until the transaction ends. */
  private async editable(auth: AuthUser, id: string, manager: EntityManager, lock = false): Promise<CaseRow> {
    (await this.access.workspace(auth, id, manager)).require('update', 'Case');
    const row = lock ? await this.cases.lock(id, manager) : await this.cases.find(id, manager);
    if (!row) throw notFound('Case');
    return row;
  }
}
