import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { OrgRole } from './accounts.js';

/**
 * The SPEC's permission matrix, defined once: the server enforces it (and scopes list queries with
 * it, see server/src/common/authorization/ability-sql.ts), the client hides what the user may not do.
 * Deny by default: whatever no rule below allows is refused, for platform administrators too.
 */
export const WORKSPACE_KINDS = ['case', 'agreement', 'coordination'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export const WORKSPACE_ROLES = ['owner', 'coordinator', 'contributor', 'observer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/**
 * CASL's wildcards `manage` and `all` are deliberately left out of these types: no rule here grants
 * everything, and without them in the types nobody can write such a rule by accident.
 */
export type Action = 'create' | 'read' | 'update' | 'delete' | 'archive';

interface InWorkspace {
  workspaceId: string;
}

/**
 * The fields that rules look at, per subject. A subject object is a plain object tagged with CASL's
 * `subject(type, fields)`; a field a rule needs but the caller left out makes that rule not match
 * (fail closed), e.g. checking `create` `Invitation` without its `role`.
 */
export interface SubjectFields {
  Organization: { id?: string };
  /**
   * An account; `organizationId` is the organisation it is (to be) created in. Updating one (disabling
   * it) needs `platformAdmin` too: an organisation's admins never manage a platform administrator.
   */
  User: { organizationId: string | null; platformAdmin?: boolean };
  /** The workspace itself: `workspaceId` is its own id. */
  Workspace: InWorkspace;
  Membership: InWorkspace & { userId?: string };
  Invitation: InWorkspace & { role?: WorkspaceRole };
  Board: InWorkspace;
  Card: InWorkspace;
  Comment: InWorkspace;
  Agreement: InWorkspace;
  Commitment: InWorkspace & { responsibleOrganizationId?: string | null };
  /** Verifying or disputing a measurement of a commitment; the server also requires the caller's organisation to be another party. */
  Verification: InWorkspace & { responsibleOrganizationId?: string | null };
  /** The case record without its sensitive fields. */
  Case: InWorkspace;
  /** The case record's sensitive fields (alias, age, nationality, contact, exact location, restricted notes). */
  CaseSensitive: InWorkspace;
  /** Who read a case's sensitive fields, and why: owners only. */
  CaseViews: InWorkspace;
  Referral: InWorkspace;
  /**
   * The case's assistance track (services requested, given, ended): what a person told a shelter or a doctor.
   * Members of law-enforcement organisations read it only with an owner's `assistanceAccess` grant.
   */
  CaseAssistance: InWorkspace;
  /** The case's criminal-justice track (complaint, investigation, proceedings, outcome): every member reads it. */
  CaseJustice: InWorkspace;
  /** An organisation's adaptation of the stage templates (the tasks a case gets on entering a stage). */
  StageTemplate: { organizationId: string };
}
export type Subject = keyof SubjectFields;
/** Subjects that live inside a workspace: every one of them carries `workspaceId`. */
export type WorkspaceSubject = Exclude<Subject, 'Organization' | 'User' | 'StageTemplate'>;
export type SubjectObject = { [S in Subject]: SubjectFields[S] & ForcedSubject<S> }[Subject];
export type AppAbility = MongoAbility<[Action, Subject | SubjectObject]>;

export interface AbilityUser {
  id: string;
  organizationId: string | null;
  orgRole: OrgRole;
  platformAdmin: boolean;
}

export interface AbilityMembership {
  workspaceId: string;
  role: WorkspaceRole;
  sensitiveAccess: boolean;
  /** An owner's grant to a member of a law-enforcement organisation to read the assistance track. */
  assistanceAccess: boolean;
  /** The member's organisation is a law-enforcement one (police, prosecutors): read with the membership. */
  lawEnforcement: boolean;
  workspaceArchived: boolean;
}

/** Workspace content every member may read: the first row of the matrix. */
const MEMBER_READABLE: WorkspaceSubject[] = ['Workspace', 'Membership', 'Board', 'Card', 'Comment', 'Agreement', 'Commitment', 'Case', 'Referral', 'CaseJustice'];

/** Who may read and edit sensitive case fields: need-to-know, never observers. */
const hasSensitiveAccess = (m: AbilityMembership) =>
  m.role === 'owner' || m.role === 'coordinator' || (m.role === 'contributor' && m.sensitiveAccess);

/**
 * Who may read the assistance track: every member, except that members of law-enforcement organisations need an
 * owner's grant (whatever their role), so that what a person said to a shelter or a doctor is not used against them.
 */
const hasAssistanceAccess = (m: AbilityMembership) => !m.lawEnforcement || m.assistanceAccess;

export function defineAbilityFor(user: AbilityUser, memberships: AbilityMembership[]): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const { can } = builder;

  // Hub level. Platform administrators run organisations and accounts and get nothing more:
  // their flag appears in no workspace rule below.
  can('read', 'Organization');
  can('create', 'Workspace'); // whoever creates a workspace becomes its owner
  if (user.platformAdmin) {
    can(['create', 'update'], 'Organization');
    can(['create', 'read', 'update'], 'User');
  }
  if (user.orgRole === 'org_admin' && user.organizationId !== null) {
    can(['create', 'read'], 'User', { organizationId: user.organizationId });
    can('update', 'User', { organizationId: user.organizationId, platformAdmin: false });
    // Their organisation's cases get its adapted stage templates.
    can(['read', 'update'], 'StageTemplate', { organizationId: user.organizationId });
  }

  /**
   * Grants `action` on `subjects` in the listed workspaces. One rule per group of workspaces, not per
   * workspace, so a list query gets one `IN (…)`; no rule for an empty list, so a non-member has no
   * workspace rule at all. Rules with further conditions call `can` with `within(…)` directly.
   */
  const within = (workspaceIds: string[]) => ({ workspaceId: { $in: workspaceIds } });
  const inWorkspaces = (action: Action | Action[], subjects: WorkspaceSubject | WorkspaceSubject[], workspaceIds: string[]) => {
    if (workspaceIds.length > 0) can(action, subjects, within(workspaceIds));
  };
  const ids = (list: AbilityMembership[], roles: readonly WorkspaceRole[] = WORKSPACE_ROLES) =>
    list.filter((m) => roles.includes(m.role)).map((m) => m.workspaceId);

  // Reading: every membership, archived or not.
  inWorkspaces('read', MEMBER_READABLE, ids(memberships));
  inWorkspaces('read', 'CaseSensitive', memberships.filter(hasSensitiveAccess).map((m) => m.workspaceId));
  inWorkspaces('read', 'CaseViews', ids(memberships, ['owner']));
  inWorkspaces('read', 'CaseAssistance', memberships.filter(hasAssistanceAccess).map((m) => m.workspaceId));
  // Pending invitations carry e-mail addresses: only those who may invite see them.
  inWorkspaces('read', 'Invitation', ids(memberships, ['owner', 'coordinator']));

  // Writing: only active workspaces. An archived workspace is read-only for everyone, owners included,
  // and that covers comments and leaving too. The one exception is below: an owner may restore it.
  const active = memberships.filter((m) => !m.workspaceArchived);
  const everyone = ids(active);
  const owners = ids(active, ['owner']);
  const coordinators = ids(active, ['coordinator']);
  const managers = ids(active, ['owner', 'coordinator']);
  const editors = ids(active, ['owner', 'coordinator', 'contributor']);
  const contributors = ids(active, ['contributor']);

  inWorkspaces('create', 'Comment', everyone);
  // Anyone may leave; the server still refuses to remove the last owner.
  if (everyone.length > 0) can('delete', 'Membership', { ...within(everyone), userId: user.id });

  inWorkspaces(['create', 'update', 'delete'], 'Card', editors); // edit and move are both `update`

  // Workspace title and description, board columns and labels, agreement terms, parties, status and
  // amendments, the non-sensitive case record and its referrals: owners and coordinators.
  inWorkspaces('update', ['Workspace', 'Board', 'Agreement', 'Case'], managers);
  // Adding or dropping a commitment changes the agreement's terms.
  inWorkspaces(['create', 'update', 'delete'], 'Commitment', managers);
  inWorkspaces(['create', 'update'], 'Referral', managers);
  // A contributor reports progress only on what their own organisation committed to; an account
  // without an organisation is responsible for nothing.
  if (contributors.length > 0 && user.organizationId !== null) {
    can('update', 'Commitment', { ...within(contributors), responsibleOrganizationId: user.organizationId });
  }
  // Verification is by another party: never on what one's own organisation is responsible for.
  if (editors.length > 0 && user.organizationId !== null) {
    can('create', 'Verification', { ...within(editors), responsibleOrganizationId: { $ne: user.organizationId } });
  }
  inWorkspaces('update', 'CaseSensitive', active.filter(hasSensitiveAccess).map((m) => m.workspaceId));
  // The two tracks: recorded by those who edit cards; the assistance track only by those who may read it.
  inWorkspaces(['create', 'update'], 'CaseAssistance', ids(active.filter(hasAssistanceAccess), ['owner', 'coordinator', 'contributor']));
  inWorkspaces(['create', 'update'], 'CaseJustice', editors);

  inWorkspaces('create', 'Invitation', owners);
  // Coordinators invite contributors and observers; only owners hand out owner and coordinator.
  if (coordinators.length > 0) can('create', 'Invitation', { ...within(coordinators), role: { $in: ['contributor', 'observer'] } });
  inWorkspaces('delete', 'Invitation', managers); // revoke

  // Changing roles (and sensitive-access grants), removing members, archiving: owners only.
  inWorkspaces(['update', 'delete'], 'Membership', owners);
  // Archiving and restoring: owners, including of an archived workspace, or nobody could ever restore it.
  inWorkspaces('archive', 'Workspace', ids(memberships, ['owner']));

  return builder.build();
}

/**
 * Members whose abilities read the same things in a workspace: everything in a membership that a `read`
 * rule above looks at (the role, the sensitive-access grant, the member's organisation being a law-enforcement
 * one and the assistance-access grant). The realtime fan-out keeps one socket.io room per audience, so a
 * broadcast is encoded once per audience, not once per socket. A read rule that looks at anything more must add it here.
 */
export type ReadAudience = Pick<AbilityMembership, 'role' | 'sensitiveAccess' | 'lawEnforcement' | 'assistanceAccess'>;

export const READ_AUDIENCES: ReadAudience[] = WORKSPACE_ROLES.flatMap((role) =>
  [false, true].flatMap((sensitiveAccess) =>
    [false, true].flatMap((lawEnforcement) => [false, true].map((assistanceAccess) => ({ role, sensitiveAccess, lawEnforcement, assistanceAccess }))),
  ),
);

export const audienceKey = ({ role, sensitiveAccess, lawEnforcement, assistanceAccess }: ReadAudience): string =>
  `${role}${sensitiveAccess ? '+sensitive' : ''}${lawEnforcement ? '+law' : ''}${assistanceAccess ? '+assistance' : ''}`;

/** The read audience of a membership (or of a member's new state). */
export const readAudienceOf = ({ role, sensitiveAccess, lawEnforcement, assistanceAccess }: ReadAudience): ReadAudience => ({ role, sensitiveAccess, lawEnforcement, assistanceAccess });

/** What an audience may read in workspace `workspaceId` (a member's ability, less whatever depends on the person). */
export const audienceAbility = (workspaceId: string, audience: ReadAudience): AppAbility =>
  defineAbilityFor({ id: '', organizationId: null, orgRole: 'member', platformAdmin: false }, [{ workspaceId, ...readAudienceOf(audience), workspaceArchived: false }]);
