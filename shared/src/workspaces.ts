import { z } from 'zod';
import { EmailSchema, LOCALES, PasswordSchema, UnconfirmedOrganizationSchema } from './accounts.js';
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
    /** Lets a member of a law-enforcement organisation read the case's assistance track (owners grant it). */
    assistanceAccess: z.boolean().optional(),
  })
  .refine((body) => body.role !== undefined || body.sensitiveAccess !== undefined || body.assistanceAccess !== undefined, { message: 'Nothing to change' });
export type UpdateMemberInput = z.infer<typeof UpdateMemberSchema>;

export const CreateInvitationSchema = z.strictObject({
  email: EmailSchema,
  role: z.enum(WORKSPACE_ROLES),
  message: TextSchema.trim().max(2000).optional(),
  /** The organisation a new account joins; only an admin of that organisation may set it. */
  organizationId: z.uuid().optional(),
  /** The e-mail's language; by default the invitee's account language, else the inviter's. */
  locale: z.enum(LOCALES).optional(),
  /**
   * Agreement workspaces: the party organisation the person is invited on behalf of (a party of the agreement).
   * It is only suggested to the invitee as theirs; their affiliation still follows the verified-domain and
   * join-request rules.
   */
  partyOrganizationId: z.uuid().optional(),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

/** Resending rotates the link (the old one stops working), restarts its lifetime and e-mails it again. */
export const ResendInvitationSchema = z.strictObject({
  locale: z.enum(LOCALES).optional(),
});
export type ResendInvitationInput = z.infer<typeof ResendInvitationSchema>;

/** `details` of 409 INVITATION_EXISTS: the live invitation to the same address, which the inviter may resend. */
export interface ExistingInvitationDetails {
  invitationId: string;
  createdAt: string;
  expiresAt: string;
}

export const AcceptInvitationSchema = z.strictObject({
  displayName: TextSchema.trim().min(1).max(120).optional(),
  password: PasswordSchema.optional(),
  /**
   * For an invitee without an organisation whose e-mail domain is no organisation's: the organisation they
   * belong to, from the directory. It asks that organisation's admins to confirm them; until then they
   * show as unconfirmed. Left out when theirs is not listed.
   */
  organizationId: z.uuid().optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;

/** Accepting from the inbox: the invitee is signed in, so only the organisation they belong to may come with it. */
export const AcceptMyInvitationSchema = AcceptInvitationSchema.pick({ organizationId: true });
export type AcceptMyInvitationInput = z.infer<typeof AcceptMyInvitationSchema>;

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
    myAssistanceAccess: z.boolean(),
    /** The caller's organisation is a law-enforcement one (see `myAssistanceAccess`). */
    myLawEnforcement: z.boolean(),
  }),
);
export type WorkspaceDto = z.infer<typeof WorkspaceSchema>;

/** A workspace on its member's start page: when something last happened in it, and how much since they last opened it. */
export const WorkspaceActivitySchema = named(
  'WorkspaceActivityDto',
  WorkspaceSchema.extend({
    /** The time of its latest event (its creation when it has none). */
    lastActivityAt: Timestamp,
    /** Events by others since the member last opened the workspace, counted up to UNREAD_CAP. */
    unread: z.number().int(),
  }),
);
export type WorkspaceActivityDto = z.infer<typeof WorkspaceActivitySchema>;
/** Unread counts stop here ("99+"): counting further costs more and tells nobody anything. */
export const UNREAD_CAP = 100;

/** `GET /api/workspaces`: every workspace of the caller, or only those of `status`. */
export const WorkspaceListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
  status: z.enum(WORKSPACE_STATUSES).optional(),
});

/** `GET /api/me/workspaces`: the start page shows the most recently active ones, not pages of them. */
export const WorkspaceActivityQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(WORKSPACE_STATUSES).optional(),
});

export const MemberSchema = named(
  'MemberDto',
  z.object({
    workspaceId: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    /** The organisation the member asked to join, not confirmed yet by its admins (organizationId is then null). */
    unconfirmedOrganization: UnconfirmedOrganizationSchema.nullable(),
    role: z.enum(WORKSPACE_ROLES),
    sensitiveAccess: z.boolean(),
    assistanceAccess: z.boolean(),
    /** The member's organisation is a law-enforcement one: without `assistanceAccess` they do not read the assistance track. */
    lawEnforcement: z.boolean(),
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
    /** The agreement party the person is invited on behalf of: a suggestion to them, never an affiliation. */
    partyOrganizationId: z.uuid().nullable(),
    status: z.enum(INVITATION_STATUSES),
    invitedBy: z.uuid(),
    /** The language its e-mail is written in; null: chosen when sent (the invitee's or the inviter's). */
    locale: z.enum(LOCALES).nullable(),
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

const SuggestedOrganizationSchema = z.object({ id: z.uuid(), name: z.string() });

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
    /** The agreement party the invitee is invited on behalf of, suggested when they choose their organisation. */
    suggestedOrganization: SuggestedOrganizationSchema.nullable(),
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

/** An invitation in its invitee's inbox (`GET /api/me/invitations`): what they need to accept or decline it in place. */
export const InboxInvitationSchema = named(
  'InboxInvitationDto',
  z.object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    workspaceTitle: z.string(),
    workspaceKind: z.enum(WORKSPACE_KINDS),
    role: z.enum(WORKSPACE_ROLES),
    message: z.string().nullable(),
    inviterName: z.string(),
    inviterOrganization: z.string().nullable(),
    suggestedOrganization: SuggestedOrganizationSchema.nullable(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  }),
);
export type InboxInvitationDto = z.infer<typeof InboxInvitationSchema>;

export const WorkspacePageSchema = pageOf('WorkspacePage', WorkspaceSchema);
export const WorkspaceActivityPageSchema = pageOf('WorkspaceActivityPage', WorkspaceActivitySchema);
export const MemberPageSchema = pageOf('MemberPage', MemberSchema);
export const InvitationPageSchema = pageOf('InvitationPage', InvitationSchema);
export const InboxInvitationPageSchema = pageOf('InboxInvitationPage', InboxInvitationSchema);
