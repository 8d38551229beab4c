import { z } from 'zod';
import { EmailSchema, PasswordSchema } from './accounts.js';
import { named, pageOf, Timestamp } from './api-schema.js';
import { TextSchema } from './fields.js';
import { WORKSPACE_KINDS, WORKSPACE_ROLES } from './permissions.js';

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

/** The workspace as every member sees it (its events carry this; `myRole` is added per caller). */
export const WorkspaceStateSchema = z.object({
  id: z.uuid(),
  kind: z.enum(WORKSPACE_KINDS),
  title: z.string(),
  description: z.string(),
  status: z.enum(WORKSPACE_STATUSES),
  leadOrganizationId: z.uuid().nullable(),
  createdBy: z.uuid(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type WorkspaceStateDto = z.infer<typeof WorkspaceStateSchema>;

export const WorkspaceSchema = named(
  'WorkspaceDto',
  WorkspaceStateSchema.extend({
    /** The caller's own membership. */
    myRole: z.enum(WORKSPACE_ROLES),
    mySensitiveAccess: z.boolean(),
  }),
);
export type WorkspaceDto = z.infer<typeof WorkspaceSchema>;

export const MemberSchema = named(
  'MemberDto',
  z.object({
    workspaceId: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    role: z.enum(WORKSPACE_ROLES),
    sensitiveAccess: z.boolean(),
    version: z.number().int(),
    joinedAt: Timestamp,
  }),
);
export type MemberDto = z.infer<typeof MemberSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const InvitationSchema = named(
  'InvitationDto',
  z.object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    email: z.string(),
    role: z.enum(WORKSPACE_ROLES),
    organizationId: z.uuid().nullable(),
    status: z.enum(INVITATION_STATUSES),
    invitedBy: z.uuid(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  }),
);
export type InvitationDto = z.infer<typeof InvitationSchema>;

/** Returned once, to the inviter: the only time the token exists outside the invitee's inbox. */
export const CreatedInvitationSchema = named(
  'CreatedInvitationDto',
  z.object({ id: z.uuid(), token: z.string(), url: z.string(), expiresAt: Timestamp }),
);
export type CreatedInvitationDto = z.infer<typeof CreatedInvitationSchema>;

/** What anyone holding the link may see before accepting: nothing about the workspace's content. */
export const InvitationPreviewSchema = named(
  'InvitationPreviewDto',
  z.object({
    workspaceTitle: z.string(),
    invitingOrganization: z.string().nullable(),
    role: z.enum(WORKSPACE_ROLES),
    expiresAt: Timestamp,
    /** Whether an account with the invited e-mail exists (then the invitee signs in to accept). */
    accountExists: z.boolean(),
  }),
);
export type InvitationPreviewDto = z.infer<typeof InvitationPreviewSchema>;

export const AcceptedInvitationSchema = named(
  'AcceptedInvitationDto',
  z.object({
    workspaceId: z.uuid(),
    /** Set when the account was created while accepting: the new user is signed in at once. */
    accessToken: z.string().optional(),
  }),
);
export type AcceptedInvitationDto = z.infer<typeof AcceptedInvitationSchema>;

export const WorkspacePageSchema = pageOf('WorkspacePage', WorkspaceSchema);
export const MemberPageSchema = pageOf('MemberPage', MemberSchema);
export const InvitationPageSchema = pageOf('InvitationPage', InvitationSchema);
