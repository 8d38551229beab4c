import request from 'supertest';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addParty, createAgreement, createCommitment, createIndicator, PDF_BYTES, recordMeasurement, uploadEvidence, walk } from '../factories/agreement.factory.js';
import { createCase, recordConsent, recordJustice, requestAssistance } from '../factories/case.factory.js';
import { createCard, createLabel, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace, invite } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The SPEC's permission matrix as one table: every workspace-scoped route, every kind of caller, the
 * exact status. Outsiders always get 404 (existence never leaks), members without the right get 403.
 */
const ACTORS = ['owner', 'coordinator', 'contributor', 'observer', 'nonMember', 'platformAdmin', 'otherOrgAdmin'] as const;
type Actor = (typeof ACTORS)[number];
type Statuses = Record<Actor, number>;
type Kind = 'agreement' | 'case' | 'coordination';

const outsiders = { nonMember: 404, platformAdmin: 404, otherOrgAdmin: 404 };
const anyMember = (status: number): Statuses => ({ owner: status, coordinator: status, contributor: status, observer: status, ...outsiders });
const only = (allowed: Partial<Record<'owner' | 'coordinator' | 'contributor' | 'observer', number>>): Statuses => ({
  owner: 403,
  coordinator: 403,
  contributor: 403,
  observer: 403,
  ...allowed,
  ...outsiders,
});

interface Fixture {
  workspaceId: string;
  targetUserId: string;
  invitationId: string;
  boardId: string;
  columnIds: string[];
  cardId: string;
  labelId: string;
  /** Set for agreement rows: the workspace is a signed agreement (version 3, effective date set). */
  agreement?: AgreementFixture;
  /**
   * Set for case rows: the workspace is a case with a consent to refer it to `recipientOrgId` for shelter, a
   * requested service on its assistance track and an entry on its justice track.
   */
  case?: { consentId: string; recipientOrgId: string; serviceId: string; entryId: string };
}
interface AgreementFixture {
  /** Parties: the ministry (signatory), the NGO (implementing, the contributor's organisation), an observer organisation. */
  ministryId: string;
  observerOrgId: string;
  /** An organisation that is not a party. */
  spareOrgId: string;
  /** A commitment of the contributor's organisation, and one of the ministry's. */
  ownCommitmentId: string;
  otherCommitmentId: string;
  /** An indicator on each of them. */
  ownIndicatorId: string;
  otherIndicatorId: string;
  /** A measurement the contributor reported on their organisation's commitment, and evidence they uploaded to it. */
  ownMeasurementId: string;
  evidenceId: string;
}
interface Row {
  route: string; // METHOD and the OpenAPI path, so the table can be checked against the live route list
  does: string;
  path: (f: Fixture) => string;
  body?: Record<string, unknown> | ((f: Fixture) => Record<string, unknown>);
  expect: Statuses;
  /** The code of a refusal other than FORBIDDEN or NOT_FOUND, per actor. */
  codes?: Partial<Record<Actor, string>>;
  /** Sent as a multipart upload of a small PDF instead of a JSON body. */
  upload?: boolean;
  /** Needs the agreement fixture although its route is not an agreement route. */
  agreement?: boolean;
}

const ws = (f: Fixture) => `/api/workspaces/${f.workspaceId}`;
const ag = (f: Fixture) => `/api/agreements/${f.workspaceId}`;
const agreementOf = (f: Fixture) => f.agreement!;
const cs = (f: Fixture) => `/api/cases/${f.workspaceId}`;
const caseOf = (f: Fixture) => f.case!;
const MATRIX: Row[] = [
  { route: 'GET /api/workspaces/{id}', does: 'read the workspace', path: ws, expect: anyMember(200) },
  { route: 'PATCH /api/workspaces/{id}', does: 'rename the workspace', path: ws, body: { version: 1, title: 'Renamed' }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'PATCH /api/workspaces/{id}', does: 'archive the workspace', path: ws, body: { version: 1, status: 'archived' }, expect: only({ owner: 200 }) },
  { route: 'GET /api/workspaces/{id}/members', does: 'list members', path: (f) => `${ws(f)}/members`, expect: anyMember(200) },
  {
    route: 'PATCH /api/workspaces/{id}/members/{userId}',
    does: 'change a member’s role',
    path: (f) => `${ws(f)}/members/${f.targetUserId}`,
    body: { role: 'observer' },
    expect: only({ owner: 200 }),
  },
  { route: 'DELETE /api/workspaces/{id}/members/{userId}', does: 'remove a member', path: (f) => `${ws(f)}/members/${f.targetUserId}`, expect: only({ owner: 204 }) },
  {
    route: 'POST /api/workspaces/{id}/invitations',
    does: 'invite an observer',
    path: (f) => `${ws(f)}/invitations`,
    body: { email: 'new-observer@enlace.test', role: 'observer' },
    expect: only({ owner: 201, coordinator: 201 }),
  },
  {
    route: 'POST /api/workspaces/{id}/invitations',
    does: 'invite an owner',
    path: (f) => `${ws(f)}/invitations`,
    body: { email: 'new-owner@enlace.test', role: 'owner' },
    expect: only({ owner: 201 }),
  },
  {
    route: 'POST /api/workspaces/{id}/invitations/{invitationId}/resend',
    does: 'resend an observer’s invitation',
    path: (f) => `${ws(f)}/invitations/${f.invitationId}/resend`,
    body: {},
    expect: only({ owner: 200, coordinator: 200 }),
  },
  { route: 'GET /api/workspaces/{id}/invitations', does: 'list pending invitations', path: (f) => `${ws(f)}/invitations`, expect: only({ owner: 200, coordinator: 200 }) },
  {
    route: 'DELETE /api/workspaces/{id}/invitations/{invitationId}',
    does: 'revoke an invitation',
    path: (f) => `${ws(f)}/invitations/${f.invitationId}`,
    expect: only({ owner: 204, coordinator: 204 }),
  },
  { route: 'GET /api/workspaces/{id}/events', does: 'read the event log', path: (f) => `${ws(f)}/events?after=0`, expect: anyMember(200) },
  { route: 'GET /api/workspaces/{id}/audit/verify', does: 'verify the audit chain', path: (f) => `${ws(f)}/audit/verify`, expect: anyMember(200) },
  { route: 'GET /api/workspaces/{id}/audit/checkpoints', does: 'list signed checkpoints', path: (f) => `${ws(f)}/audit/checkpoints`, expect: anyMember(200) },
  { route: 'POST /api/workspaces/{id}/audit/checkpoints', does: 'take a checkpoint now', path: (f) => `${ws(f)}/audit/checkpoints`, expect: anyMember(201) },
  // The export holds every payload: only who may read every event type (pending invitations included).
  { route: 'GET /api/workspaces/{id}/audit/export', does: 'export the audit log', path: (f) => `${ws(f)}/audit/export`, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'GET /api/workspaces/{id}/boards', does: 'list boards', path: (f) => `${ws(f)}/boards`, expect: anyMember(200) },
  { route: 'GET /api/boards/{id}', does: 'read a board', path: (f) => `/api/boards/${f.boardId}`, expect: anyMember(200) },
  { route: 'POST /api/boards/{id}/columns', does: 'add a column', path: (f) => `/api/boards/${f.boardId}/columns`, body: { title: 'Blocked' }, expect: only({ owner: 201, coordinator: 201 }) },
  { route: 'PATCH /api/columns/{id}', does: 'rename a column', path: (f) => `/api/columns/${f.columnIds[0]}`, body: { version: 1, title: 'Backlog' }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'POST /api/boards/{id}/labels', does: 'add a label', path: (f) => `/api/boards/${f.boardId}/labels`, body: { name: 'Urgent', color: '#cc0000' }, expect: only({ owner: 201, coordinator: 201 }) },
  { route: 'POST /api/workspaces/{id}/boards', does: 'add a board', path: (f) => `${ws(f)}/boards`, body: { title: 'Referrals' }, expect: only({ owner: 201, coordinator: 201 }) },
  { route: 'PATCH /api/boards/{id}', does: 'rename a board', path: (f) => `/api/boards/${f.boardId}`, body: { version: 1, title: 'Case plan' }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'PATCH /api/columns/{id}', does: 'reorder a column', path: (f) => `/api/columns/${f.columnIds[2]}`, body: { version: 1, afterColumnId: null }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'DELETE /api/columns/{id}', does: 'delete an empty column', path: (f) => `/api/columns/${f.columnIds[2]}`, expect: only({ owner: 204, coordinator: 204 }) },
  { route: 'PATCH /api/labels/{id}', does: 'rename a label', path: (f) => `/api/labels/${f.labelId}`, body: { version: 1, name: 'Very urgent' }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'DELETE /api/labels/{id}', does: 'delete a label', path: (f) => `/api/labels/${f.labelId}`, expect: only({ owner: 204, coordinator: 204 }) },
  {
    route: 'POST /api/boards/{id}/cards',
    does: 'create a card',
    path: (f) => `/api/boards/${f.boardId}/cards`,
    body: { title: 'New card' },
    expect: only({ owner: 201, coordinator: 201, contributor: 201 }),
  },
  { route: 'PATCH /api/cards/{id}', does: 'edit a card', path: (f) => `/api/cards/${f.cardId}`, body: { version: 1, title: 'Edited' }, expect: only({ owner: 200, coordinator: 200, contributor: 200 }) },
  {
    route: 'POST /api/cards/{id}/move',
    does: 'move a card',
    path: (f) => `/api/cards/${f.cardId}/move`,
    body: { version: 1 },
    expect: only({ owner: 200, coordinator: 200, contributor: 200 }),
  },
  { route: 'DELETE /api/cards/{id}', does: 'delete a card', path: (f) => `/api/cards/${f.cardId}`, expect: only({ owner: 204, coordinator: 204, contributor: 204 }) },
  { route: 'GET /api/boards/{id}/archived-cards', does: 'list archived cards', path: (f) => `/api/boards/${f.boardId}/archived-cards`, expect: anyMember(200) },
  { route: 'GET /api/cards/{id}/comments', does: 'read comments', path: (f) => `/api/cards/${f.cardId}/comments`, expect: anyMember(200) },
  { route: 'POST /api/cards/{id}/comments', does: 'comment', path: (f) => `/api/cards/${f.cardId}/comments`, body: { body: 'Noted.' }, expect: anyMember(201) },
  { route: 'GET /api/agreements/{id}', does: 'read the agreement', path: ag, expect: anyMember(200) },
  { route: 'PATCH /api/agreements/{id}', does: 'edit the agreement', path: ag, body: { version: 3, summary: 'Revised' }, expect: only({ owner: 200, coordinator: 200 }) },
  {
    route: 'POST /api/agreements/{id}/transitions',
    does: 'put the agreement in force',
    path: (f) => `${ag(f)}/transitions`,
    body: { version: 3, to: 'in_force' },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  { route: 'GET /api/agreements/{id}/transitions', does: 'read the lifecycle history', path: (f) => `${ag(f)}/transitions`, expect: anyMember(200) },
  {
    route: 'POST /api/agreements/{id}/amendments',
    does: 'amend the agreement',
    path: (f) => `${ag(f)}/amendments`,
    body: { version: 3, amendedOn: '2026-06-01', summary: 'Adds shelters', terms: 'New terms' },
    expect: only({ owner: 201, coordinator: 201 }),
  },
  { route: 'GET /api/agreements/{id}/amendments', does: 'read every version of the terms', path: (f) => `${ag(f)}/amendments`, expect: anyMember(200) },
  {
    route: 'POST /api/agreements/{id}/parties',
    does: 'add a party',
    path: (f) => `${ag(f)}/parties`,
    body: (f) => ({ organizationId: agreementOf(f).spareOrgId, role: 'observer' }),
    expect: only({ owner: 201, coordinator: 201 }),
  },
  {
    route: 'PATCH /api/agreements/{id}/parties/{organizationId}',
    does: 'change a party’s role',
    path: (f) => `${ag(f)}/parties/${agreementOf(f).observerOrgId}`,
    body: { version: 1, role: 'implementing' },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  {
    route: 'DELETE /api/agreements/{id}/parties/{organizationId}',
    does: 'remove a party',
    path: (f) => `${ag(f)}/parties/${agreementOf(f).observerOrgId}`,
    expect: only({ owner: 204, coordinator: 204 }),
  },
  {
    route: 'POST /api/agreements/{id}/commitments',
    does: 'add a commitment',
    path: (f) => `${ag(f)}/commitments`,
    body: (f) => ({ text: 'Open a shelter', responsibleOrganizationId: agreementOf(f).ministryId, thematicArea: 'assistance' }),
    expect: only({ owner: 201, coordinator: 201 }),
  },
  { route: 'GET /api/agreements/{id}/commitments', does: 'list commitments', path: (f) => `${ag(f)}/commitments`, expect: anyMember(200) },
  { route: 'GET /api/agreements/{id}/commitments/details', does: 'list commitments in detail', path: (f) => `${ag(f)}/commitments/details`, expect: anyMember(200) },
  { route: 'GET /api/commitments/{id}', does: 'read a commitment', path: (f) => `/api/commitments/${agreementOf(f).ownCommitmentId}`, expect: anyMember(200) },
  {
    route: 'PATCH /api/commitments/{id}',
    does: 'redefine a commitment of the contributor’s organisation',
    path: (f) => `/api/commitments/${agreementOf(f).ownCommitmentId}`,
    body: { version: 1, text: 'A smaller promise' },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  {
    route: 'POST /api/commitments/{id}/progress',
    does: 'report progress on the contributor’s organisation’s commitment',
    path: (f) => `/api/commitments/${agreementOf(f).ownCommitmentId}/progress`,
    body: { version: 1, note: 'Started', status: 'in_progress' },
    expect: only({ owner: 201, coordinator: 201, contributor: 201 }),
  },
  {
    route: 'POST /api/commitments/{id}/progress',
    does: 'report progress on another organisation’s commitment',
    path: (f) => `/api/commitments/${agreementOf(f).otherCommitmentId}/progress`,
    body: { version: 1, note: 'Started', status: 'in_progress' },
    expect: only({ owner: 201, coordinator: 201 }),
  },
  {
    route: 'PATCH /api/cards/{id}',
    does: 'link a card to a commitment',
    path: (f) => `/api/cards/${f.cardId}`,
    body: (f) => ({ version: 1, commitmentId: agreementOf(f).ownCommitmentId }),
    expect: only({ owner: 200, coordinator: 200, contributor: 200 }),
    agreement: true,
  },
  { route: 'PATCH /api/columns/{id}', does: 'mark a column done', path: (f) => `/api/columns/${f.columnIds[2]}`, body: { version: 1, done: true }, expect: only({ owner: 200, coordinator: 200 }) },
  {
    route: 'POST /api/commitments/{id}/indicators',
    does: 'add an indicator',
    path: (f) => `/api/commitments/${agreementOf(f).ownCommitmentId}/indicators`,
    body: { name: 'Officials trained', unit: 'people', category: 'process', direction: 'increase', baseline: 0, target: 40, frequency: 'quarterly' },
    expect: only({ owner: 201, coordinator: 201 }),
  },
  {
    route: 'PATCH /api/indicators/{id}',
    does: 'redefine an indicator of the contributor’s organisation',
    path: (f) => `/api/indicators/${agreementOf(f).ownIndicatorId}`,
    body: { version: 1, target: 60 },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  {
    route: 'POST /api/indicators/{id}/measurements',
    does: 'record a measurement on the contributor’s organisation’s commitment',
    path: (f) => `/api/indicators/${agreementOf(f).ownIndicatorId}/measurements`,
    body: { periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 12 },
    expect: only({ owner: 201, coordinator: 201, contributor: 201 }),
  },
  {
    route: 'POST /api/indicators/{id}/measurements',
    does: 'record a measurement on another organisation’s commitment',
    path: (f) => `/api/indicators/${agreementOf(f).otherIndicatorId}/measurements`,
    body: { periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 12 },
    expect: only({ owner: 201, coordinator: 201 }),
  },
  {
    // The contributor's and the observer's organisation is the responsible one: never theirs to verify.
    route: 'POST /api/measurements/{id}/review',
    does: 'verify a measurement of the contributor’s organisation',
    path: (f) => `/api/measurements/${agreementOf(f).ownMeasurementId}/review`,
    body: { version: 1, verdict: 'verified' },
    expect: only({ owner: 200, coordinator: 200 }),
    codes: { contributor: 'SELF_VERIFICATION', observer: 'SELF_VERIFICATION' },
  },
  {
    route: 'POST /api/commitments/{id}/evidence',
    does: 'upload evidence to the contributor’s organisation’s commitment',
    path: (f) => `/api/commitments/${agreementOf(f).ownCommitmentId}/evidence`,
    upload: true,
    expect: only({ owner: 201, coordinator: 201, contributor: 201 }),
  },
  {
    route: 'POST /api/commitments/{id}/evidence',
    does: 'upload evidence to another organisation’s commitment',
    path: (f) => `/api/commitments/${agreementOf(f).otherCommitmentId}/evidence`,
    upload: true,
    expect: only({ owner: 201, coordinator: 201 }),
  },
  { route: 'GET /api/evidence/{id}', does: 'download evidence', path: (f) => `/api/evidence/${agreementOf(f).evidenceId}`, expect: anyMember(200) },
  { route: 'GET /api/cases/{id}', does: 'read the case record', path: cs, expect: anyMember(200) },
  { route: 'PATCH /api/cases/{id}', does: 'edit the case record', path: cs, body: { version: 1, riskLevel: 'high' }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'POST /api/cases/{id}/transitions', does: 'change the case’s stage', path: (f) => `${cs(f)}/transitions`, body: { version: 1, to: 'assessment' }, expect: only({ owner: 200, coordinator: 200 }) },
  { route: 'GET /api/cases/{id}/transitions', does: 'read the stage history', path: (f) => `${cs(f)}/transitions`, expect: anyMember(200) },
  {
    route: 'POST /api/cases/{id}/sensitive/views',
    does: 'read sensitive fields (no grant for the contributor)',
    path: (f) => `${cs(f)}/sensitive/views`,
    body: { reason: 'Matrix' },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  { route: 'GET /api/cases/{id}/sensitive/views', does: 'list who read sensitive fields', path: (f) => `${cs(f)}/sensitive/views`, expect: only({ owner: 200 }) },
  {
    route: 'PUT /api/cases/{id}/sensitive',
    does: 'write sensitive fields (no grant for the contributor)',
    path: (f) => `${cs(f)}/sensitive`,
    body: { version: 1, fields: { alias: 'Luz' } },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  {
    route: 'POST /api/cases/{id}/consents',
    does: 'record a consent',
    path: (f) => `${cs(f)}/consents`,
    body: (f) => ({ recipientOrganizationId: caseOf(f).recipientOrgId, purpose: 'health', givenBy: 'person', givenOn: '2026-01-01', validUntil: '2099-01-01' }),
    expect: only({ owner: 201, coordinator: 201 }),
  },
  { route: 'GET /api/cases/{id}/consents', does: 'list consents', path: (f) => `${cs(f)}/consents`, expect: anyMember(200) },
  {
    route: 'POST /api/cases/{id}/consents/{consentId}/revoke',
    does: 'revoke a consent',
    path: (f) => `${cs(f)}/consents/${caseOf(f).consentId}/revoke`,
    body: { reason: 'Withdrawn' },
    expect: only({ owner: 200, coordinator: 200 }),
  },
  {
    route: 'POST /api/cases/{id}/referrals',
    does: 'refer the case under its consent',
    path: (f) => `${cs(f)}/referrals`,
    body: (f) => ({ toOrganizationId: caseOf(f).recipientOrgId, service: 'shelter', urgency: 'urgent' }),
    expect: only({ owner: 201, coordinator: 201 }),
  },
  { route: 'GET /api/cases/{id}/referrals', does: 'list referrals', path: (f) => `${cs(f)}/referrals`, expect: anyMember(200) },
  // The two tracks. Members of law-enforcement organisations and the assistance grant: tests/integration/case-tracks.test.ts
  { route: 'GET /api/cases/{id}/assistance', does: 'read the assistance track', path: (f) => `${cs(f)}/assistance`, expect: anyMember(200) },
  {
    route: 'POST /api/cases/{id}/assistance',
    does: 'record a requested service',
    path: (f) => `${cs(f)}/assistance`,
    body: { service: 'health', requestedOn: '2026-03-02' },
    expect: only({ owner: 201, coordinator: 201, contributor: 201 }),
  },
  {
    route: 'PATCH /api/cases/{id}/assistance/{serviceId}',
    does: 'edit a service',
    path: (f) => `${cs(f)}/assistance/${caseOf(f).serviceId}`,
    body: { version: 1, note: 'Dentist too' },
    expect: only({ owner: 200, coordinator: 200, contributor: 200 }),
  },
  {
    route: 'POST /api/cases/{id}/assistance/{serviceId}/transitions',
    does: 'record a service given',
    path: (f) => `${cs(f)}/assistance/${caseOf(f).serviceId}/transitions`,
    body: { version: 1, to: 'given', on: '2026-03-04' },
    expect: only({ owner: 200, coordinator: 200, contributor: 200 }),
  },
  { route: 'GET /api/cases/{id}/justice', does: 'read the justice track', path: (f) => `${cs(f)}/justice`, expect: anyMember(200) },
  {
    route: 'POST /api/cases/{id}/justice',
    does: 'record a justice step',
    path: (f) => `${cs(f)}/justice`,
    body: { step: 'investigation', on: '2026-03-10' },
    expect: only({ owner: 201, coordinator: 201, contributor: 201 }),
  },
  {
    route: 'PATCH /api/cases/{id}/justice/{entryId}',
    does: 'edit a justice entry',
    path: (f) => `${cs(f)}/justice/${caseOf(f).entryId}`,
    body: { version: 1, reference: 'EXP-1/2026' },
    expect: only({ owner: 200, coordinator: 200, contributor: 200 }),
  },
  {
    route: 'PATCH /api/workspaces/{id}/members/{userId}',
    does: 'grant a member the assistance track',
    path: (f) => `${ws(f)}/members/${f.targetUserId}`,
    body: { assistanceAccess: true },
    expect: only({ owner: 200 }),
  },
];

/** Routes that are not about one workspace, with where their rules are tested. */
const NOT_WORKSPACE_SCOPED = [
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'POST /api/auth/login/mfa',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset',
  'GET /api/me',
  'POST /api/me/two-factor',
  'POST /api/me/two-factor/confirm',
  'DELETE /api/me/two-factor',
  'POST /api/me/password',
  'GET /api/me/sessions',
  'DELETE /api/me/sessions/{id}',
  'PATCH /api/organizations/{id}',
  'POST /api/organizations/{id}/users/{userId}/password-reset',
  'GET /api/health',
  'GET /api/audit/public-key',
  'POST /api/organizations',
  'GET /api/organizations',
  'GET /api/organizations/{id}',
  'POST /api/organizations/{id}/users',
  'GET /api/organizations/{id}/users',
  'PATCH /api/users/{id}',
  'GET /api/workspaces',
  'POST /api/workspaces',
  'GET /api/agreements', // the caller's own agreements only: tests/integration/agreements.test.ts
  'POST /api/agreements', // creates a workspace, like POST /api/workspaces
  'GET /api/agreements/export', // the caller's own commitments only: tests/integration/agreement-indicators.test.ts
  'GET /api/cases', // the caller's own cases only: tests/integration/cases.test.ts
  'POST /api/cases', // creates a workspace, like POST /api/workspaces
  // Suppressed counts over every case, for government and civil-society members: tests/integration/case-statistics.test.ts
  'GET /api/case-statistics',
  // Country settings (reflection period): platform admins set them: tests/integration/cases.test.ts
  'GET /api/case-settings/{country}',
  'PUT /api/case-settings/{country}',
  'GET /api/case-statistics/export',
  // The receiving organisation's admins, who are not members: tests/integration/case-referrals.test.ts
  'GET /api/referrals/incoming',
  'POST /api/referrals/{id}/accept',
  'POST /api/referrals/{id}/decline',
  'POST /api/referrals/{id}/complete',
  'GET /api/invitations/{token}',
  'POST /api/invitations/{token}/accept',
  'POST /api/invitations/{token}/decline',
  // The caller's own account, workspaces and inbox (invitations addressed to their e-mail): tests/integration/home.test.ts, account-language.test.ts
  'PATCH /api/me',
  'GET /api/me/workspaces',
  'GET /api/me/cards',
  'GET /api/me/invitations',
  'POST /api/me/invitations/{id}/accept',
  'POST /api/me/invitations/{id}/decline',
  'POST /api/me/organization-request', // only for oneself, and only without an organisation: organization-affiliation.test.ts
  // The organisation's own admins and platform admins only: tests/integration/organization-affiliation.test.ts
  'GET /api/organizations/{id}/join-requests',
  'POST /api/organizations/{id}/join-requests/{requestId}/approve',
  'POST /api/organizations/{id}/join-requests/{requestId}/reject',
  // The organisation's own admins only: tests/integration/case-tracks.test.ts
  'GET /api/organizations/{id}/stage-templates/{stage}/{locale}',
  'PUT /api/organizations/{id}/stage-templates/{stage}/{locale}',
];

describe('permission matrix', () => {
  let app: TestApp;
  let actors: Record<Actor, SignedIn>;
  let target: SignedIn;
  let orgs: { ministry: string; ngo: string; observer: string; spare: string };

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const ministry = await createOrganization(app, admin, { kind: 'central_government' });
    const ngo = await createOrganization(app, admin, { kind: 'civil_society' });
    const other = await createOrganization(app, admin);
    actors = {
      owner: await createAccount(app, admin, ministry.id),
      coordinator: await createAccount(app, admin, ministry.id),
      contributor: await createAccount(app, admin, ngo.id),
      observer: await createAccount(app, admin, ngo.id),
      nonMember: await createAccount(app, admin, ministry.id),
      platformAdmin: admin,
      otherOrgAdmin: await createAccount(app, admin, other.id, { orgRole: 'org_admin' }),
    };
    target = await createAccount(app, admin, ngo.id);
    orgs = { ministry: ministry.id, ngo: ngo.id, observer: (await createOrganization(app, admin)).id, spare: (await createOrganization(app, admin)).id };
  });
  afterAll(() => app.close());

  /** A workspace of the kind with members in every role, a pending invitation, a board with a card and a label. */
  async function fixture(kind: Kind): Promise<Fixture> {
    const agreement = kind === 'agreement' ? await createAgreement(app, actors.owner, { effectiveFrom: '2026-01-01' }) : undefined;
    const record = kind === 'case' ? await createCase(app, actors.owner) : undefined;
    const workspace = agreement ?? record ?? (await createWorkspace(app, actors.owner));
    for (const role of ['coordinator', 'contributor', 'observer'] as const) await addMember(app, actors.owner, workspace.id, actors[role], role);
    await addMember(app, actors.owner, workspace.id, target, 'contributor');
    const pending = await invite(app, actors.owner, workspace.id, 'pending@enlace.test', 'observer');
    const board = await defaultBoard(app, actors.owner, workspace.id);
    const card = await createCard(app, actors.owner, board, 'Existing card');
    const label = await createLabel(app, actors.owner, board, 'Shelter');
    if (agreement) {
      await addParty(app, actors.owner, agreement.id, orgs.ministry, 'signatory', { signedOn: '2025-12-01' });
      await addParty(app, actors.owner, agreement.id, orgs.ngo, 'implementing');
      await addParty(app, actors.owner, agreement.id, orgs.observer, 'observer');
      await walk(app, actors.owner, agreement, ['negotiation', 'signed']);
    }
    return {
      workspaceId: workspace.id,
      targetUserId: target.user.id,
      invitationId: pending.id,
      boardId: board.id,
      columnIds: board.columns.map((c) => c.id),
      cardId: card.id,
      labelId: label.id,
      agreement: agreement && (await agreementFixture(agreement.id)),
      case: record && {
        recipientOrgId: orgs.spare,
        consentId: (await recordConsent(app, actors.owner, record.id, { recipientOrganizationId: orgs.spare })).id,
        serviceId: (await requestAssistance(app, actors.owner, record.id)).id,
        entryId: (await recordJustice(app, actors.owner, record.id)).id,
      },
    };
  }

  async function agreementFixture(agreementId: string): Promise<AgreementFixture> {
    const ownCommitmentId = (await createCommitment(app, actors.owner, agreementId, orgs.ngo)).id;
    const otherCommitmentId = (await createCommitment(app, actors.owner, agreementId, orgs.ministry)).id;
    const ownIndicatorId = (await createIndicator(app, actors.owner, ownCommitmentId)).id;
    const otherIndicatorId = (await createIndicator(app, actors.owner, otherCommitmentId)).id;
    return {
      ministryId: orgs.ministry,
      observerOrgId: orgs.observer,
      spareOrgId: orgs.spare,
      ownCommitmentId,
      otherCommitmentId,
      ownIndicatorId,
      otherIndicatorId,
      ownMeasurementId: (await recordMeasurement(app, actors.contributor, ownIndicatorId)).id,
      evidenceId: (await uploadEvidence(app, actors.contributor, ownCommitmentId)).id,
    };
  }

  it('has a row for every route of the API', async () => {
    const docs = await request(app.url).get('/api/docs-json').expect(200);
    const routes = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set([...MATRIX.map((row) => row.route), ...NOT_WORKSPACE_SCOPED]);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
    expect(routes.length).toBeGreaterThan(NOT_WORKSPACE_SCOPED.length);
  });

  /**
   * One workspace per kind for the requests that must change nothing (reads and refusals: a refusal changes
   * nothing, which the 4xx tables elsewhere prove); a fresh one for every write expected to succeed, so a
   * destructive case (archive, remove) never changes another's outcome. Building a workspace per case made
   * this file take minutes.
   */
  const unchanged = new Map<Kind, Promise<Fixture>>();
  function fixtureFor(kind: Kind, changes: boolean): Promise<Fixture> {
    if (changes) return fixture(kind);
    if (!unchanged.has(kind)) unchanged.set(kind, fixture(kind));
    return unchanged.get(kind)!;
  }

  const cases = MATRIX.flatMap((row) => ACTORS.map((actor) => ({ ...row, actor, status: row.expect[actor] })));
  it.each(cases)('$route ($does) as $actor → $status', async ({ path, body, actor, status, route, codes, upload, agreement }) => {
    const agreementRoute = agreement || /\/api\/(agreements|commitments|indicators|measurements|evidence)\//.test(route);
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const kind: Kind = agreementRoute ? 'agreement' : /\/api\/cases\//.test(route) ? 'case' : 'coordination';
    const f = await fixtureFor(kind, method !== 'get' && status < 400);
    const sent = typeof body === 'function' ? body(f) : body;
    // Card bodies name a column of the fixture's board.
    const withColumn = sent && (route.endsWith('/cards') || route.endsWith('/move')) ? { ...sent, columnId: f.columnIds[1] } : sent;
    const sending = request(app.url)[method](path(f)).auth(actors[actor].token, { type: 'bearer' });
    const response = await (upload ? sending.attach('file', PDF_BYTES, 'evidence.pdf') : sending.send(withColumn));
    // Only an error body's `code` is an error code (a case's `code` is its case code).
    expect({ status: response.status, code: response.status >= 400 ? response.body?.code : undefined }).toEqual({
      status,
      code: codes?.[actor] ?? (status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : undefined),
    });
  });
});
