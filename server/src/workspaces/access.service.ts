import { Injectable, Logger } from '@nestjs/common';
import { subject as tagged } from '@casl/ability';
import { defineAbilityFor, readAudienceOf, type Action, type AppAbility, type Subject } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { WorkspacesRepository, type WorkspaceWithRole } from './workspaces.repository.js';
import type { Membership } from './workspace-member.entity.js';
import type { WorkspaceEntity } from './workspace.entity.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound } from '../common/errors/app-error.js';

type SubjectType = Exclude<Subject, 'all'> & string;

/** What a member may do in one workspace: the shared CASL rules applied to their membership. */
export class WorkspaceAccess {
  constructor(
    readonly workspace: WorkspaceEntity,
    readonly membership: Membership,
    readonly ability: AppAbility,
    private readonly onDenied: (action: string, subjectType: string) => void,
  ) {}

  can(action: Action, subjectType: SubjectType, fields: Record<string, unknown> = {}): boolean {
    return this.ability.can(action, tagged(subjectType, { workspaceId: this.workspace.id, ...fields }) as never);
  }

  /** Members lacking the right get 403; writes to an archived workspace get a clearer 409. */
  require(action: Action, subjectType: SubjectType, fields: Record<string, unknown> = {}): void {
    if (this.can(action, subjectType, fields)) return;
    this.onDenied(action, subjectType);
    if (this.workspace.status === 'archived' && action !== 'read') {
      throw new AppError('WORKSPACE_ARCHIVED', 'This workspace is archived and read-only');
    }
    throw new AppError('FORBIDDEN', 'Your role in this workspace does not allow this');
  }
}

/** The one place that decides whether a caller may touch a workspace. Non-members get 404, never 403. */
@Injectable()
export class AccessService {
  private readonly logger = new Logger(AccessService.name);

  constructor(private readonly workspaces: WorkspacesRepository) {}

  async workspace(auth: AuthUser, workspaceId: string, manager?: EntityManager): Promise<WorkspaceAccess> {
    return this.of(auth, workspaceId, await this.workspaces.findWithMembership(workspaceId, auth.id, manager));
  }

  /** The same decision from a membership the caller's query already read (null: not a member). */
  of(auth: AuthUser, workspaceId: string, found: WorkspaceWithRole | null): WorkspaceAccess {
    if (!found) {
      // Not found and not a member look the same from outside, so case workspaces don't leak.
      this.logger.warn(`Denied: user ${auth.id} is not a member of workspace ${workspaceId}`);
      throw notFound('Workspace');
    }
    const { workspace, membership } = found;
    const ability = defineAbilityFor(auth, [{ workspaceId, ...readAudienceOf(membership), workspaceArchived: workspace.status === 'archived' }]);
    return new WorkspaceAccess(workspace, membership, ability, (action, subjectType) =>
      this.logger.warn(`Denied: user ${auth.id} (${membership.role}) may not ${action} ${subjectType} in workspace ${workspaceId}`),
    );
  }

  /** The caller's ability over all their workspaces, for scoping list queries in SQL. */
  async everywhere(auth: AuthUser): Promise<AppAbility> {
    const memberships = await this.workspaces.membershipsOf(auth.id);
    return defineAbilityFor(
      auth,
      memberships.map((m) => ({ workspaceId: m.workspaceId, ...readAudienceOf(m), workspaceArchived: m.archived })),
    );
  }
}
