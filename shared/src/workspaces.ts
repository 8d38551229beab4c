import { z } from 'zod';
import { EmailSchema, PasswordSchema } from './accounts.js';
import { TextSchema } from './fields.js';
import { WORKSPACE_KINDS, WORKSPACE_ROLES, type WorkspaceKind, type WorkspaceRole } from './permissions.js';

export const WORKSPACE_STATUSES = ['active', 'archived'] as const;
export type WorkspaceStatus = (typeof WORKSPACE_STATUSES)[number];

export const CreateWorkspaceSchema = z.strictObject({
  kind: z.enum(WORKSPACE_KINDS),
  title: TextSchema.trim().min(1).max(200),
  description: TextSchema.max(10_000).optional(),
});
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceSchema>;

export const UpdateWorkspaceSchema = z
  .strictObject({
    version: z.number().int().min(1),
    title: TextSchema.trim().min(1).max(200).optional(),
    description: TextSchema.max(10_000).optional(),
    status: z.enum(WORKSPACE_STATUSES).optional(),
  })
  .refine((body) => body.title !== undefined || body.description !== undefined || body.status !== undefined, {
    message: 'Nothing to change',
  });
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceSchema>;

export const UpdateMemberSchema = z
  .strictObject({
    role: z.enum(WORKSPACE_ROLES).optional(),
    sensitiveAccess: z.boolean().optional(),
  })
  .refine((body) => body.role !== undefined || body.sensitiveAccess !== undefined, { message: 'Nothing to change' });
export type UpdateMemberInput = z.infer<typeof UpdateMemberSchema>;

export const CreateInvitationSchema = z.strictObject({
  email: EmailSchema,
  role: z.enum(WORKSPACE_ROLES),
  message: TextSchema.trim().max(2000).optional(),
  /** The organisation a new account joins; only an admin of that organisation may set it. */
  organizationId: z.uuid().optional(),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

export const AcceptInvitationSchema = z.strictObject({
  displayName: TextSchema.trim().min(1).max(120).optional(),
  password: PasswordSchema.optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;

export interface WorkspaceDto {
  id: string;
  kind: WorkspaceKind;
  title: string;
  description: string;
  status: WorkspaceStatus;
  leadOrganizationId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The caller's own membership. */
  myRole: WorkspaceRole;
  mySensitiveAccess: boolean;
}

/** The workspace as every member sees it (its events carry this; `myRole` is added per caller). */
export type WorkspaceStateDto = Omit<WorkspaceDto, 'myRole' | 'mySensitiveAccess'>;

export interface MemberDto {
  workspaceId: string;
  userId: string;
  displayName: string;
  email: string;
  organizationId: string | null;
  organizationName: string | null;
  role: WorkspaceRole;
  sensitiveAccess: boolean;
  version: number;
  joinedAt: string;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationDto {
  id: string;
  workspaceId: string;
  email: string;
  role: WorkspaceRole;
  organizationId: string | null;
  status: InvitationStatus;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

/** Returned once, to the inviter: the only time the token exists outside the invitee's inbox. */
export interface CreatedInvitationDto {
  id: string;
  token: string;
  url: string;
  expiresAt: string;
}

/** What anyone holding the link may see before accepting: nothing about the workspace's content. */
export interface InvitationPreviewDto {
  workspaceTitle: string;
  invitingOrganization: string | null;
  role: WorkspaceRole;
  expiresAt: string;
  /** Whether an account with the invited e-mail exists (then the invitee signs in to accept). */
  accountExists: boolean;
}

export interface AcceptedInvitationDto {
  workspaceId: string;
  /** Set when the account was created while accepting: the new user is signed in at once. */
  accessToken?: string;
}
