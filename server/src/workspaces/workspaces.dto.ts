import { CreateWorkspaceSchema, UpdateMemberSchema, UpdateWorkspaceSchema, WorkspaceActivityQuerySchema, WorkspaceListQuerySchema, type MemberDto, type WorkspaceDto, type WorkspaceStateDto } from '@enlace/shared';
import { zodDto } from '../common/validation/zod-dto.js';
import type { MemberRow } from './workspaces.repository.js';
import type { Membership } from './workspace-member.entity.js';
import type { WorkspaceEntity } from './workspace.entity.js';

export class CreateWorkspaceDto extends zodDto('CreateWorkspaceDto', CreateWorkspaceSchema) {}
export class UpdateWorkspaceDto extends zodDto('UpdateWorkspaceDto', UpdateWorkspaceSchema) {}
export class UpdateMemberDto extends zodDto('UpdateMemberDto', UpdateMemberSchema) {}
export class WorkspacePageQueryDto extends zodDto('WorkspacePageQueryDto', WorkspaceListQuerySchema) {}
export class WorkspaceActivityQueryDto extends zodDto('WorkspaceActivityQueryDto', WorkspaceActivityQuerySchema) {}

export function mapWorkspaceState(workspace: WorkspaceEntity): WorkspaceStateDto {
  return {
    id: workspace.id,
    kind: workspace.kind,
    title: workspace.title,
    description: workspace.description,
    status: workspace.status,
    leadOrganizationId: workspace.leadOrganizationId,
    createdBy: workspace.createdBy,
    createdAt: workspace.createdAt.toISOString(),
    updatedAt: workspace.updatedAt.toISOString(),
    version: workspace.version,
  };
}

export function mapWorkspace(workspace: WorkspaceEntity, membership: Membership): WorkspaceDto {
  return {
    ...mapWorkspaceState(workspace),
    myRole: membership.role,
    mySensitiveAccess: membership.sensitiveAccess,
    myAssistanceAccess: membership.assistanceAccess,
    myLawEnforcement: membership.lawEnforcement,
  };
}

export function mapMember(row: MemberRow): MemberDto {
  return {
    workspaceId: row.workspaceId,
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    unconfirmedOrganization: row.unconfirmedOrganizationId ? { id: row.unconfirmedOrganizationId, name: row.unconfirmedOrganizationName! } : null,
    role: row.role,
    sensitiveAccess: row.sensitiveAccess,
    assistanceAccess: row.assistanceAccess,
    lawEnforcement: row.lawEnforcement,
    version: row.version,
    joinedAt: new Date(row.joinedAt).toISOString(),
  };
}
