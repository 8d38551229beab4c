import { Injectable, Logger } from '@nestjs/common';
import { subject as tagged } from '@casl/ability';
import {
  StageTemplateParamsSchema,
  defineAbilityFor,
  stageTasks,
  type CaseStage,
  type Locale,
  type ReplaceStageTemplateInput,
  type StageTemplateDto,
} from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { OrganizationsRepository } from '../accounts/organizations.repository.js';
import { PlatformLog } from '../accounts/platform-log.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { forbidden, notFound, versionConflict } from '../common/errors/app-error.js';
import { StageTemplatesRepository } from './stage-templates.repository.js';

/**
 * Stage templates: the tasks a case gets as cards on entering a stage. Each organisation's admins may adapt them, per
 * stage and language, for the cases their organisation leads; without an adaptation the defaults apply.
 */
@Injectable()
export class StageTemplatesService {
  private readonly logger = new Logger(StageTemplatesService.name);

  constructor(
    private readonly templates: StageTemplatesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly log: PlatformLog,
  ) {}

  /** The tasks for a case led by `organizationId` entering `stage`, in `locale`. */
  async tasksFor(manager: EntityManager, organizationId: string | null, stage: CaseStage, locale: Locale): Promise<readonly string[]> {
    const adapted = organizationId ? await this.templates.find(manager, organizationId, stage, locale) : undefined;
    return stageTasks(adapted?.tasks ?? undefined, stage, locale);
  }

  async get(auth: AuthUser, organizationId: string, stage: string, locale: string): Promise<StageTemplateDto> {
    const key = await this.authorized(auth, 'read', organizationId, stage, locale);
    return this.templates.transaction((manager) => this.current(manager, key));
  }

  /** Replaces the organisation's tasks for a stage and language (null: back to the defaults), at the version read. */
  async replace(auth: AuthUser, organizationId: string, stage: string, locale: string, input: ReplaceStageTemplateInput): Promise<StageTemplateDto> {
    const key = await this.authorized(auth, 'update', organizationId, stage, locale);
    return this.templates.transaction(async (manager) => {
      const current = await this.current(manager, key, true);
      if (input.version !== current.version) throw versionConflict('stage template', current);
      if (!(await this.templates.replace(manager, key, input.version, input.tasks, auth.id))) throw versionConflict('stage template', await this.current(manager, key));
      await this.log.record(manager, auth.id, { type: 'organization.stage_template_set', entityId: organizationId, organizationId, payload: { ...key, tasks: input.tasks } });
      this.logger.log(`Stage template ${key.stage}/${key.locale} of organisation ${organizationId} ${input.tasks ? 'adapted' : 'reset'} by ${auth.id}`);
      return this.current(manager, key);
    });
  }

  private async current(manager: EntityManager, key: { organizationId: string; stage: CaseStage; locale: Locale }, lock = false): Promise<StageTemplateDto> {
    const row = await this.templates.find(manager, key.organizationId, key.stage, key.locale, lock);
    const adapted = row?.tasks ?? undefined;
    return { ...key, tasks: [...stageTasks(adapted, key.stage, key.locale)], adapted: adapted !== undefined, version: row?.version ?? 0 };
  }

  /** An unknown organisation, stage or language is 404; organisations are public, so 403 for another's leaks nothing. */
  private async authorized(auth: AuthUser, action: 'read' | 'update', organizationId: string, stage: string, locale: string) {
    const params = StageTemplateParamsSchema.safeParse({ stage, locale });
    if (!params.success) throw notFound('Stage template');
    if (!(await this.organizations.findById(organizationId))) throw notFound('Organisation');
    if (!defineAbilityFor(auth, []).can(action, tagged('StageTemplate', { organizationId }))) {
      this.logger.warn(`Denied: user ${auth.id} may not ${action} the stage templates of organisation ${organizationId}`);
      throw forbidden('Only this organisation’s administrators adapt its stage templates');
    }
    return { organizationId, ...params.data };
  }
}
