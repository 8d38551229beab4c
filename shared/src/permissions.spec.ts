import { subject } from '@casl/ability';
// Imported, not global: shared's tsconfig has no Jest types, and this keeps `tsc -p shared` honest.
import { describe, expect, it } from '@jest/globals';
import {
  defineAbilityFor,
  WORKSPACE_ROLES,
  type AbilityMembership,
  type AbilityUser,
  type Action,
  type AppAbility,
  type SubjectFields,
  type WorkspaceRole,
  type WorkspaceSubject,
} from './permissions.js';

const WS = 'workspace-1';
const OTHER_WS = 'workspace-2';
const ORG = 'org-ngo';
const OTHER_ORG = 'org-ministry';
const ME = 'user-me';

const person = (overrides: Partial<AbilityUser> = {}): AbilityUser => ({ id: ME, organizationId: ORG, orgRole: 'member', platformAdmin: false, ...overrides });
const membership = (role: WorkspaceRole, overrides: Partial<AbilityMembership> = {}): AbilityMembership => ({
  workspaceId: WS,
  role,
  sensitiveAccess: false,
  assistanceAccess: false,
  lawEnforcement: false,
  workspaceArchived: false,
  ...overrides,
});
/** Something inside workspace WS (or another one), tagged the way the server tags it. */
const inWorkspace = <S extends WorkspaceSubject>(type: S, fields: Partial<SubjectFields[S]> = {}, workspaceId = WS) =>
  subject(type, { workspaceId, ...fields });

interface Cell {
  does: string;
  action: Action;
  subject: () => ReturnType<typeof inWorkspace>;
  allowed: readonly WorkspaceRole[];
}

const ANY_MEMBER = WORKSPACE_ROLES;
const EDITORS = ['owner', 'coordinator', 'contributor'] as const;
const MANAGERS = ['owner', 'coordinator'] as const;
const OWNER = ['owner'] as const;

/** The SPEC's matrix, one row per thing a member might try in workspace WS. */
const MATRIX: Cell[] = [
  // read workspace, board, agreement, non-sensitive case fields
  { does: 'read the workspace', action: 'read', subject: () => inWorkspace('Workspace'), allowed: ANY_MEMBER },
  { does: 'read the member list', action: 'read', subject: () => inWorkspace('Membership', { userId: 'someone' }), allowed: ANY_MEMBER },
  { does: 'read a board', action: 'read', subject: () => inWorkspace('Board'), allowed: ANY_MEMBER },
  { does: 'read a card', action: 'read', subject: () => inWorkspace('Card'), allowed: ANY_MEMBER },
  { does: 'read comments', action: 'read', subject: () => inWorkspace('Comment'), allowed: ANY_MEMBER },
  { does: 'read the agreement', action: 'read', subject: () => inWorkspace('Agreement'), allowed: ANY_MEMBER },
  { does: 'read a commitment', action: 'read', subject: () => inWorkspace('Commitment', { responsibleOrganizationId: OTHER_ORG }), allowed: ANY_MEMBER },
  { does: 'read the non-sensitive case record', action: 'read', subject: () => inWorkspace('Case'), allowed: ANY_MEMBER },
  { does: 'read referrals', action: 'read', subject: () => inWorkspace('Referral'), allowed: ANY_MEMBER },
  // comment
  { does: 'comment', action: 'create', subject: () => inWorkspace('Comment'), allowed: ANY_MEMBER },
  // create / edit / move cards
  { does: 'create a card', action: 'create', subject: () => inWorkspace('Card'), allowed: EDITORS },
  { does: 'edit or move a card', action: 'update', subject: () => inWorkspace('Card'), allowed: EDITORS },
  { does: 'delete a card', action: 'delete', subject: () => inWorkspace('Card'), allowed: EDITORS },
  // edit board structure
  { does: 'edit columns and labels', action: 'update', subject: () => inWorkspace('Board'), allowed: MANAGERS },
  // edit agreement terms, parties, status; add amendments
  { does: 'edit the agreement', action: 'update', subject: () => inWorkspace('Agreement'), allowed: MANAGERS },
  { does: 'add a commitment', action: 'create', subject: () => inWorkspace('Commitment', { responsibleOrganizationId: ORG }), allowed: MANAGERS },
  { does: 'drop a commitment', action: 'delete', subject: () => inWorkspace('Commitment', { responsibleOrganizationId: ORG }), allowed: MANAGERS },
  // update a commitment's progress and measurements
  { does: 'update progress of their own organisation’s commitment', action: 'update', subject: () => inWorkspace('Commitment', { responsibleOrganizationId: ORG }), allowed: EDITORS },
  { does: 'update progress of another organisation’s commitment', action: 'update', subject: () => inWorkspace('Commitment', { responsibleOrganizationId: OTHER_ORG }), allowed: MANAGERS },
  // verify a measurement: another party's only
  { does: 'verify a measurement of another organisation’s commitment', action: 'create', subject: () => inWorkspace('Verification', { responsibleOrganizationId: OTHER_ORG }), allowed: EDITORS },
  { does: 'verify a measurement of their own organisation’s commitment', action: 'create', subject: () => inWorkspace('Verification', { responsibleOrganizationId: ORG }), allowed: [] },
  // read / edit sensitive case fields (no per-member grant here)
  { does: 'read sensitive case fields', action: 'read', subject: () => inWorkspace('CaseSensitive'), allowed: MANAGERS },
  { does: 'edit sensitive case fields', action: 'update', subject: () => inWorkspace('CaseSensitive'), allowed: MANAGERS },
  { does: 'edit the case record', action: 'update', subject: () => inWorkspace('Case'), allowed: MANAGERS },
  { does: 'make a referral', action: 'create', subject: () => inWorkspace('Referral'), allowed: MANAGERS },
  { does: 'update a referral', action: 'update', subject: () => inWorkspace('Referral'), allowed: MANAGERS },
  // invite
  { does: 'invite an owner', action: 'create', subject: () => inWorkspace('Invitation', { role: 'owner' }), allowed: OWNER },
  { does: 'invite a coordinator', action: 'create', subject: () => inWorkspace('Invitation', { role: 'coordinator' }), allowed: OWNER },
  { does: 'invite a contributor', action: 'create', subject: () => inWorkspace('Invitation', { role: 'contributor' }), allowed: MANAGERS },
  { does: 'invite an observer', action: 'create', subject: () => inWorkspace('Invitation', { role: 'observer' }), allowed: MANAGERS },
  { does: 'list pending invitations', action: 'read', subject: () => inWorkspace('Invitation'), allowed: MANAGERS },
  { does: 'revoke an invitation', action: 'delete', subject: () => inWorkspace('Invitation', { role: 'owner' }), allowed: MANAGERS },
  // change roles, remove members, archive workspace
  { does: 'change another member’s role', action: 'update', subject: () => inWorkspace('Membership', { userId: 'someone' }), allowed: OWNER },
  { does: 'remove another member', action: 'delete', subject: () => inWorkspace('Membership', { userId: 'someone' }), allowed: OWNER },
  { does: 'archive the workspace', action: 'archive', subject: () => inWorkspace('Workspace'), allowed: OWNER },
  // not in the matrix, decided here
  { does: 'rename the workspace', action: 'update', subject: () => inWorkspace('Workspace'), allowed: MANAGERS },
  { does: 'leave the workspace', action: 'delete', subject: () => inWorkspace('Membership', { userId: ME }), allowed: ANY_MEMBER },
];

const verdict = (allowed: boolean) => (allowed ? 'may' : 'may not');
const check = (ability: AppAbility, cell: Cell) => ability.can(cell.action, cell.subject());

describe('defineAbilityFor: the SPEC permission matrix', () => {
  const rows = MATRIX.flatMap((cell) => WORKSPACE_ROLES.map((role) => ({ role, cell, does: cell.does, allowed: cell.allowed.includes(role) })));

  it.each(rows.map((row) => ({ ...row, verdict: verdict(row.allowed) })))('a member with role $role $verdict $does', ({ role, cell, allowed }) => {
    expect(check(defineAbilityFor(person(), [membership(role)]), cell)).toBe(allowed);
  });

  // Read-only for everyone; archiving stays with the owner, so an archived workspace can be restored.
  const archivedAllows = (row: { allowed: boolean; cell: { action: string } }) => row.allowed && (row.cell.action === 'read' || row.cell.action === 'archive');
  it.each(rows.map((row) => ({ ...row, verdict: verdict(archivedAllows(row)) })))(
    'in an archived workspace, a member with role $role $verdict $does (read-only, owners may restore)',
    ({ role, cell, allowed }) => {
      const ability = defineAbilityFor(person(), [membership(role, { workspaceArchived: true })]);
      expect(check(ability, cell)).toBe(archivedAllows({ allowed, cell }));
    },
  );

  it.each(MATRIX)('gives a platform admin who is not a member no right to $does', (cell) => {
    expect(check(defineAbilityFor(person({ platformAdmin: true, orgRole: 'org_admin' }), []), cell)).toBe(false);
  });

  it.each(MATRIX)('gives a member of another workspace no right to $does', (cell) => {
    const ability = defineAbilityFor(person({ orgRole: 'org_admin' }), [membership('owner', { workspaceId: OTHER_WS, sensitiveAccess: true })]);
    expect(check(ability, cell)).toBe(false);
  });

  it('gives a platform admin who is also a member only what the role allows', () => {
    const ability = defineAbilityFor(person({ platformAdmin: true }), [membership('observer')]);
    expect(ability.can('read', inWorkspace('Workspace'))).toBe(true);
    expect(ability.can('create', inWorkspace('Card'))).toBe(false);
    expect(ability.can('read', inWorkspace('CaseSensitive'))).toBe(false);
  });
});

describe('defineAbilityFor: conditions within a role', () => {
  it('lets a contributor update only commitments their own organisation is responsible for', () => {
    const ability = defineAbilityFor(person(), [membership('contributor')]);
    expect(ability.can('update', inWorkspace('Commitment', { responsibleOrganizationId: ORG }))).toBe(true);
    expect(ability.can('update', inWorkspace('Commitment', { responsibleOrganizationId: OTHER_ORG }))).toBe(false);
    expect(ability.can('update', inWorkspace('Commitment', { responsibleOrganizationId: null }))).toBe(false);
    // A check that leaves out the responsible organisation fails closed.
    expect(ability.can('update', inWorkspace('Commitment'))).toBe(false);
  });

  it('never lets a contributor without an organisation update a commitment, not even one nobody is responsible for', () => {
    const ability = defineAbilityFor(person({ organizationId: null }), [membership('contributor')]);
    expect(ability.can('update', inWorkspace('Commitment', { responsibleOrganizationId: null }))).toBe(false);
    expect(ability.can('update', inWorkspace('Commitment', { responsibleOrganizationId: ORG }))).toBe(false);
  });

  it('lets a contributor read and edit sensitive case fields only with a sensitiveAccess grant', () => {
    const granted = defineAbilityFor(person(), [membership('contributor', { sensitiveAccess: true })]);
    expect(granted.can('read', inWorkspace('CaseSensitive'))).toBe(true);
    expect(granted.can('update', inWorkspace('CaseSensitive'))).toBe(true);
    const notGranted = defineAbilityFor(person(), [membership('contributor')]);
    expect(notGranted.can('read', inWorkspace('CaseSensitive'))).toBe(false);
    expect(notGranted.can('update', inWorkspace('CaseSensitive'))).toBe(false);
  });

  it('never lets an observer see sensitive case fields, even with a sensitiveAccess grant', () => {
    const ability = defineAbilityFor(person(), [membership('observer', { sensitiveAccess: true })]);
    expect(ability.can('read', inWorkspace('CaseSensitive'))).toBe(false);
    expect(ability.can('update', inWorkspace('CaseSensitive'))).toBe(false);
  });

  it('keeps letting a granted contributor read (not edit) sensitive fields once the workspace is archived', () => {
    const ability = defineAbilityFor(person(), [membership('contributor', { sensitiveAccess: true, workspaceArchived: true })]);
    expect(ability.can('read', inWorkspace('CaseSensitive'))).toBe(true);
    expect(ability.can('update', inWorkspace('CaseSensitive'))).toBe(false);
  });

  it('lets members of law-enforcement organisations read the assistance track only with an owner’s grant, whatever their role', () => {
    for (const role of WORKSPACE_ROLES) {
      const police = defineAbilityFor(person(), [membership(role, { lawEnforcement: true })]);
      expect([role, police.can('read', inWorkspace('CaseAssistance')), police.can('create', inWorkspace('CaseAssistance'))]).toEqual([role, false, false]);
      // The justice track and the record stay theirs to read.
      expect([role, police.can('read', inWorkspace('CaseJustice')), police.can('read', inWorkspace('Case'))]).toEqual([role, true, true]);
      const granted = defineAbilityFor(person(), [membership(role, { lawEnforcement: true, assistanceAccess: true })]);
      expect([role, granted.can('read', inWorkspace('CaseAssistance'))]).toEqual([role, true]);
      const other = defineAbilityFor(person(), [membership(role)]);
      expect([role, other.can('read', inWorkspace('CaseAssistance'))]).toEqual([role, true]);
    }
  });

  it('lets editors but never observers record either track', () => {
    for (const role of WORKSPACE_ROLES) {
      const ability = defineAbilityFor(person(), [membership(role)]);
      const edits = role !== 'observer';
      for (const subject of ['CaseAssistance', 'CaseJustice'] as const) {
        expect([role, subject, ability.can('create', inWorkspace(subject)), ability.can('update', inWorkspace(subject))]).toEqual([role, subject, edits, edits]);
      }
    }
  });

  it('lets an organisation’s admins, and nobody else, adapt its stage templates', () => {
    const template = (organizationId: string) => subject('StageTemplate', { organizationId });
    expect(defineAbilityFor(person({ orgRole: 'org_admin' }), []).can('update', template(ORG))).toBe(true);
    expect(defineAbilityFor(person({ orgRole: 'org_admin' }), []).can('update', template(OTHER_ORG))).toBe(false);
    expect(defineAbilityFor(person(), []).can('read', template(ORG))).toBe(false);
    expect(defineAbilityFor(person({ platformAdmin: true, organizationId: null }), []).can('update', template(ORG))).toBe(false);
  });

  it('refuses a coordinator an invitation that does not say which role it grants', () => {
    expect(defineAbilityFor(person(), [membership('coordinator')]).can('create', inWorkspace('Invitation'))).toBe(false);
    expect(defineAbilityFor(person(), [membership('owner')]).can('create', inWorkspace('Invitation'))).toBe(true);
  });

  it('applies each membership’s role to its own workspace only', () => {
    const ability = defineAbilityFor(person(), [membership('owner'), membership('observer', { workspaceId: OTHER_WS })]);
    expect(ability.can('create', inWorkspace('Card'))).toBe(true);
    expect(ability.can('create', inWorkspace('Card', {}, OTHER_WS))).toBe(false);
    expect(ability.can('read', inWorkspace('Card', {}, OTHER_WS))).toBe(true);
    expect(ability.can('archive', inWorkspace('Workspace', {}, OTHER_WS))).toBe(false);
  });

  it('lets a member leave but not remove someone else', () => {
    const ability = defineAbilityFor(person(), [membership('observer')]);
    expect(ability.can('delete', inWorkspace('Membership', { userId: ME }))).toBe(true);
    expect(ability.can('delete', inWorkspace('Membership', { userId: 'someone' }))).toBe(false);
    expect(ability.can('update', inWorkspace('Membership', { userId: ME }))).toBe(false);
  });

  it('lets only the owner of an archived workspace restore it, and nobody edit it', () => {
    const owner = defineAbilityFor(person(), [membership('owner', { workspaceArchived: true })]);
    expect(owner.can('archive', inWorkspace('Workspace'))).toBe(true);
    expect(owner.can('update', inWorkspace('Workspace'))).toBe(false);
    expect(owner.can('read', inWorkspace('Invitation'))).toBe(true);
    const coordinator = defineAbilityFor(person(), [membership('coordinator', { workspaceArchived: true })]);
    expect(coordinator.can('archive', inWorkspace('Workspace'))).toBe(false);
  });
});

describe('defineAbilityFor: organisations and accounts', () => {
  const organization = subject('Organization', { id: OTHER_ORG });
  const accountIn = (organizationId: string | null) => subject('User', { organizationId });

  it('lets everyone signed in list organisations and create a workspace, and nothing more at hub level', () => {
    const ability = defineAbilityFor(person(), []);
    expect(ability.can('read', organization)).toBe(true);
    expect(ability.can('create', 'Workspace')).toBe(true);
    expect(ability.can('create', organization)).toBe(false);
    expect(ability.can('update', organization)).toBe(false);
    expect(ability.can('create', accountIn(ORG))).toBe(false);
  });

  it('lets a platform admin create and update organisations and any account', () => {
    const ability = defineAbilityFor(person({ platformAdmin: true, organizationId: null }), []);
    expect(ability.can('create', organization)).toBe(true);
    expect(ability.can('update', organization)).toBe(true);
    expect(ability.can('create', accountIn(OTHER_ORG))).toBe(true);
    expect(ability.can('update', accountIn(null))).toBe(true);
  });

  it('lets an org admin create accounts in their own organisation only', () => {
    const ability = defineAbilityFor(person({ orgRole: 'org_admin' }), []);
    expect(ability.can('create', accountIn(ORG))).toBe(true);
    expect(ability.can('create', accountIn(OTHER_ORG))).toBe(false);
    expect(ability.can('create', accountIn(null))).toBe(false);
    expect(ability.can('update', accountIn(ORG))).toBe(false);
    expect(ability.can('update', organization)).toBe(false);
  });

  it('lets an org admin list and disable the accounts of their own organisation, never a platform admin', () => {
    const ability = defineAbilityFor(person({ orgRole: 'org_admin' }), []);
    const account = (organizationId: string | null, platformAdmin: boolean) => subject('User', { organizationId, platformAdmin });
    expect(ability.can('read', accountIn(ORG))).toBe(true);
    expect(ability.can('read', accountIn(OTHER_ORG))).toBe(false);
    expect(ability.can('update', account(ORG, false))).toBe(true);
    expect(ability.can('update', account(ORG, true))).toBe(false);
    expect(ability.can('update', account(OTHER_ORG, false))).toBe(false);
    expect(defineAbilityFor(person(), []).can('read', accountIn(ORG))).toBe(false);
    const platformAdmin = defineAbilityFor(person({ platformAdmin: true, organizationId: null }), []);
    expect(platformAdmin.can('read', accountIn(OTHER_ORG))).toBe(true);
    expect(platformAdmin.can('update', account(OTHER_ORG, true))).toBe(true);
  });

  it('gives an org admin without an organisation no account rights', () => {
    const ability = defineAbilityFor(person({ orgRole: 'org_admin', organizationId: null }), []);
    expect(ability.can('create', accountIn(null))).toBe(false);
  });
});
