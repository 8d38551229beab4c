import { Injectable, Logger } from '@nestjs/common';
import type { CreateWorkspaceInput, Locale, MemberDto, Page, UpdateMemberInput, UpdateWorkspaceInput, WorkspaceActivityDto, WorkspaceDto, WorkspaceRole, WorkspaceStatus } from '@enlace/shared';
import { AccessService } from './access.service.js';
import { abilityWhere } from '../common/authorization/ability-sql.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { EventsRepository } from '../events/events.repository.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { WorkspaceHooks } from './workspace-hooks.js';
import { mapMember, mapWorkspace, mapWorkspaceState } from './workspaces.dto.js';
import { WorkspacesRepository, type MemberRow } from './workspaces.repository.js';
import { pageOf } from '../common/pagination.js';

@Injectable()
export class WorkspacesService {
  private readonly logger = new Logger(WorkspacesService.name);

  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly events: EventsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly hooks: WorkspaceHooks,
  ) {}

  /** The workspace, its owner, and what the hooks add for its kind, in one transaction; `details` go to the kind's hooks. */
  async create(auth: AuthUser, input: CreateWorkspaceInput, locale: Locale, details?: unknown): Promise<WorkspaceDto> {
    const { workspace, membership } = await this.unitOfWork.run(auth.id, async (tx) => {
      const workspace = await this.workspaces.insert(tx.manager, {
        kind: input.kind,
        title: input.title,
        description: input.description ?? '',
        leadOrganizationId: auth.organizationId,
        createdBy: auth.id,
      });
      await this.workspaces.insertMember(tx.manager, { workspaceId: workspace.id, userId: auth.id, role: 'owner' });
      await this.events.createHead(tx.manager, workspace.id);
      tx.record({ workspaceId: workspace.id, type: 'workspace.created', entityId: workspace.id, payload: mapWorkspaceState(workspace) });
      const member = await this.workspaces.member(workspace.id, auth.id, tx.manager);
      tx.record({ workspaceId: workspace.id, type: 'member.added', entityId: auth.id, payload: mapMember(member!) });
      await this.hooks.created({ tx, workspace, locale, details });
      return { workspace, membership: member! };
    });
    this.logger.log(`Workspace ${workspace.id} (${workspace.kind}) created by ${auth.id}`);
    return mapWorkspace(workspace, membership);
  }

  async list(auth: AuthUser, limit: number, cursor?: string, status?: WorkspaceStatus): Promise<Page<WorkspaceDto>> {
    const ability = await this.access.everywhere(auth);
    const where = abilityWhere(ability, 'read', 'Workspace', { workspaceId: 'w.id' }, 'ws');
    const rows = await this.workspaces.listReadable(auth.id, where, limit + 1, cursor, status);
    return pageOf(rows, limit, (row) => mapWorkspace(row.workspace, row.membership), (item) => item.id);
  }

  /** The start page's list: the caller's most recently active workspaces, each with what happened since they last looked. */
  async activity(auth: AuthUser, limit: number, status?: WorkspaceStatus): Promise<Page<WorkspaceActivityDto>> {
    const ability = await this.access.everywhere(auth);
    const where = abilityWhere(ability, 'read', 'Workspace', { workspaceId: 'w.id' }, 'ws');
    const rows = await this.workspaces.activity(auth.id, where, limit, status);
    return {
      items: rows.map((row) => ({ ...mapWorkspace(row.workspace, row.membership), lastActivityAt: new Date(row.lastActivityAt).toISOString(), unread: row.unread })),
    };
  }

  async get(auth: AuthUser, id: string): Promise<WorkspaceDto> {
    const access = await this.access.workspace(auth, id);
    access.require('read', 'Workspace');
    return mapWorkspace(access.workspace, access.membership);
  }

  async update(auth: AuthUser, id: string, input: UpdateWorkspaceInput): Promise<WorkspaceDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const access = await this.access.workspace(auth, id, tx.manager);
      if (input.status !== undefined && input.status !== access.workspace.status) access.require('archive', 'Workspace');
      if (input.title !== undefined || input.description !== undefined) access.require('update', 'Workspace');
      const changes = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.status !== undefined && { status: input.status }),
      };
      const current = access.workspace;
      const unchanged = Object.entries(changes).every(([key, value]) => current[key as keyof typeof current] === value);
      if (input.version !== current.version) throw versionConflict('workspace', mapWorkspace(current, access.membership));
      if (unchanged) return mapWorkspace(current, access.membership);
      const updated = await this.workspaces.update(tx.manager, id, input.version, changes);
      if (!updated) {
        const latest = await this.workspaces.findById(id, tx.manager);
        throw versionConflict('workspace', mapWorkspace(latest!, access.membership));
      }
      const type = changes.status === 'archived' ? 'workspace.archived' : changes.status === 'active' ? 'workspace.restored' : 'workspace.updated';
      tx.record({ workspaceId: id, type, entityId: id, payload: mapWorkspaceState(updated) });
      return mapWorkspace(updated, access.membership);
    });
  }

  async members(auth: AuthUser, id: string): Promise<Page<MemberDto>> {
    const access = await this.access.workspace(auth, id);
    access.require('read', 'Membership');
    return { items: (await this.workspaces.members(id)).map(mapMember) };
  }

  async updateMember(auth: AuthUser, id: string, userId: string, input: UpdateMemberInput): Promise<MemberDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      const access = await this.access.workspace(auth, id, tx.manager);
      access.require('update', 'Membership', { userId });
      const owners = await this.workspaces.lockOwners(tx.manager, id);
      const target = await this.workspaces.member(id, userId, tx.manager);
      if (!target) throw notFound('Member');
      if (input.role !== undefined && input.role !== 'owner' && owners.length === 1 && owners[0] === userId) {
        throw new AppError('LAST_OWNER', 'A workspace keeps at least one owner; make someone else owner first');
      }
      const changes = {
        ...(input.role !== undefined && input.role !== target.role && { role: input.role }),
        ...(input.sensitiveAccess !== undefined && input.sensitiveAccess !== target.sensitiveAccess && { sensitiveAccess: input.sensitiveAccess }),
        ...(input.assistanceAccess !== undefined && input.assistanceAccess !== target.assistanceAccess && { assistanceAccess: input.assistanceAccess }),
      };
      if (Object.keys(changes).length === 0) return mapMember(target);
      await this.workspaces.updateMember(tx.manager, id, userId, changes);
      const updated = mapMember((await this.workspaces.member(id, userId, tx.manager))!);
      tx.record({ workspaceId: id, type: 'member.updated', entityId: userId, payload: updated });
      this.logger.log(`Member ${userId} of workspace ${id} changed by ${auth.id}: ${Object.keys(changes).join(', ')}`);
      return updated;
    });
  }

  async removeMember(auth: AuthUser, id: string, userId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      const access = await this.access.workspace(auth, id, tx.manager);
      access.require('delete', 'Membership', { userId });
      const owners = await this.workspaces.lockOwners(tx.manager, id);
      const target = await this.workspaces.member(id, userId, tx.manager);
      if (!target) throw notFound('Member');
      if (target.role === 'owner' && owners.length === 1) {
        throw new AppError('LAST_OWNER', 'A workspace keeps at least one owner; make someone else owner first');
      }
      await this.expel(tx, target);
      this.logger.log(`Member ${userId} removed from workspace ${id} by ${auth.id}`);
    });
  }

  /** The workspace's members, inside another domain's transaction. */
  membersIn(tx: Tx, workspaceId: string): Promise<MemberRow[]> {
    return this.workspaces.members(workspaceId, tx.manager);
  }

  /**
   * Adds `userId` with `role` for another domain's rule that already authorised it (a case referral accepted),
   * in that rule's transaction; false when already a member.
   */
  async admit(tx: Tx, workspaceId: string, userId: string, role: WorkspaceRole): Promise<boolean> {
    if (await this.workspaces.findMembership(workspaceId, userId, tx.manager)) return false;
    await this.workspaces.insertMember(tx.manager, { workspaceId, userId, role });
    const member = await this.workspaces.member(workspaceId, userId, tx.manager);
    tx.record({ workspaceId, type: 'member.added', entityId: userId, payload: mapMember(member!) });
    return true;
  }

  /**
   * Removes a member in the caller's transaction: the hooks run and `member.removed` is recorded, so the
   * member's live sockets leave the workspace as soon as it commits.
   */
  async expel(tx: Tx, member: MemberRow): Promise<void> {
    const { workspaceId, userId } = member;
    await this.workspaces.deleteMember(tx.manager, workspaceId, userId);
    await this.hooks.memberRemoved(tx, member);
    tx.record({ workspaceId, type: 'member.removed', entityId: userId, payload: { workspaceId, userId } });
  }
}
