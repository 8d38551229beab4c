import { AcceptInvitationSchema, AcceptMyInvitationSchema, CreateInvitationSchema, ResendInvitationSchema, type InvitationDto } from '@enlace/shared';
import { zodDto } from '../common/validation/zod-dto.js';
import type { InvitationEntity } from './invitation.entity.js';

export class CreateInvitationDto extends zodDto('CreateInvitationDto', CreateInvitationSchema) {}
export class AcceptInvitationDto extends zodDto('AcceptInvitationDto', AcceptInvitationSchema) {}
export class AcceptMyInvitationDto extends zodDto('AcceptMyInvitationDto', AcceptMyInvitationSchema) {}
export class ResendInvitationDto extends zodDto('ResendInvitationDto', ResendInvitationSchema) {}

export function mapInvitation(invitation: InvitationEntity): InvitationDto {
  return {
    id: invitation.id,
    workspaceId: invitation.workspaceId,
    email: invitation.email,
    role: invitation.role,
    organizationId: invitation.organizationId,
    partyOrganizationId: invitation.partyOrganizationId,
    status: invitation.status,
    invitedBy: invitation.invitedBy,
    locale: invitation.locale,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
