import { subject as tagged } from '@casl/ability';
import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import type { AgreementAmended, AgreementStateDto, AgreementTransitioned, CommitmentProgressed, CommitmentStateDto, PartyDto, RemovedParty } from './agreements.js';
import type { EvidenceFileDto, IndicatorStateDto, MeasurementDto } from './indicators.js';
import type { CaseStateDto, CaseTransitioned, SensitiveChanged, SensitiveErased, SensitiveViewed } from './cases.js';
import type { ConsentDto, ReferralDto } from './referrals.js';
import type { AssistanceDto, JusticeEntryDto } from './case-tracks.js';
import type { BoardDto, BoardSummaryDto, CardDto, ColumnDto, CommentDto, DeletedBoardItem, LabelDto } from './boards.js';
import type { Action, AppAbility, WorkspaceSubject } from './permissions.js';
import type { InvitationDto, MemberDto, WorkspaceStateDto } from './workspaces.js';

/**
 * The event catalogue: every type of event a workspace's log may hold, with the type of its payload,
 * the kind of entity it is about, and the permission (a CASL action and subject of permissions.ts)
 * a member needs to read its payload. The server records only these types, with these payloads
 * (`tx.record` does not compile otherwise); the client's handlers are typed from the same map.
 * Adding a domain's events is adding entries here.
 *
 * What the log may hold. A payload holds what a member allowed to read it needs to apply the change
 * without a refetch (usually the entity's new state). The log is immutable and hash-chained: a value
 * written into it can never be withdrawn. So fields classified sensitive (the case record's alias, age,
 * nationality, contact, location and restricted notes) never enter a payload in clear: their events
 * name the fields changed and carry a keyed digest, and the values live in their own encrypted table.
 * A member whose ability does not allow an event's read permission receives its envelope only
 * (`redacted: true`, no payload), so every member's sequence stays gap-free. Audit verification works
 * on the stored envelope and payload, whatever a reader is shown.
 */
export interface ReadPermission {
  action: Action;
  subject: WorkspaceSubject;
}

export const ENTITY_TYPES = [
  'workspace', 'member', 'invitation', 'board', 'column', 'label', 'card', 'comment', 'audit',
  'agreement', 'party', 'commitment', 'indicator', 'measurement', 'evidence',
  'case', 'consent', 'referral',
  'assistance', 'justice',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** One catalogue entry; `payload` exists only in the type, to carry the payload's type. */
export interface EventSpec<P, E extends EntityType> {
  entityType: E;
  read: ReadPermission;
  readonly payload?: P;
}

const spec =
  <P>() =>
  <E extends EntityType>(entityType: E, subject: WorkspaceSubject): EventSpec<P, E> => ({ entityType, read: { action: 'read', subject } });

/** Payload of `member.removed`. */
export interface RemovedMember {
  workspaceId: string;
  userId: string;
}

/**
 * Payload of `audit.checkpoint`: the workspace's head (`seq`, `hash`) signed with the audit key outside
 * the database. The signed head is the one BEFORE this event: the checkpoint's own event is the next
 * seq, and is covered by the next checkpoint.
 */
export const AuditCheckpointSchema = named(
  'AuditCheckpointDto',
  z.object({
    workspaceId: z.uuid(),
    seq: z.number().int(),
    hash: z.string(),
    signedAt: Timestamp,
    keyId: z.string(),
    /** Ed25519 signature, base64, of the checkpoint's canonical text (see `checkpointText` in the server). */
    signature: z.string(),
  }),
);
export type AuditCheckpointDto = z.infer<typeof AuditCheckpointSchema>;
export const AuditCheckpointPageSchema = pageOf('AuditCheckpointPage', AuditCheckpointSchema);

/** Payload of `card.deleted`. */
export interface DeletedCard {
  id: string;
  boardId: string;
  columnId: string;
}

export const EVENT_CATALOGUE = {
  'workspace.created': spec<WorkspaceStateDto>()('workspace', 'Workspace'),
  'workspace.updated': spec<WorkspaceStateDto>()('workspace', 'Workspace'),
  'workspace.archived': spec<WorkspaceStateDto>()('workspace', 'Workspace'),
  'workspace.restored': spec<WorkspaceStateDto>()('workspace', 'Workspace'),
  'member.added': spec<MemberDto>()('member', 'Membership'),
  'member.updated': spec<MemberDto>()('member', 'Membership'),
  'member.removed': spec<RemovedMember>()('member', 'Membership'),
  // Pending invitations carry the invitee's e-mail: only those who may invite read them.
  'invitation.created': spec<InvitationDto>()('invitation', 'Invitation'),
  'invitation.revoked': spec<InvitationDto>()('invitation', 'Invitation'),
  'invitation.accepted': spec<InvitationDto>()('invitation', 'Invitation'),
  'invitation.declined': spec<InvitationDto>()('invitation', 'Invitation'),
  // Sent again with a new link and lifetime; the old link no longer works.
  'invitation.resent': spec<InvitationDto>()('invitation', 'Invitation'),
  'board.created': spec<BoardDto>()('board', 'Board'),
  'board.updated': spec<BoardSummaryDto>()('board', 'Board'),
  'column.created': spec<ColumnDto>()('column', 'Board'),
  'column.updated': spec<ColumnDto>()('column', 'Board'),
  'column.deleted': spec<DeletedBoardItem>()('column', 'Board'),
  'label.created': spec<LabelDto>()('label', 'Board'),
  'label.updated': spec<LabelDto>()('label', 'Board'),
  'label.deleted': spec<DeletedBoardItem>()('label', 'Board'),
  'card.created': spec<CardDto>()('card', 'Card'),
  'card.updated': spec<CardDto>()('card', 'Card'),
  'card.moved': spec<CardDto>()('card', 'Card'),
  'card.archived': spec<CardDto>()('card', 'Card'),
  'card.restored': spec<CardDto>()('card', 'Card'),
  'card.deleted': spec<DeletedCard>()('card', 'Card'),
  'comment.added': spec<CommentDto>()('comment', 'Comment'),
  'audit.checkpoint': spec<AuditCheckpointDto>()('audit', 'Workspace'),
  'agreement.created': spec<AgreementStateDto>()('agreement', 'Agreement'),
  'agreement.updated': spec<AgreementStateDto>()('agreement', 'Agreement'),
  'agreement.transitioned': spec<AgreementTransitioned>()('agreement', 'Agreement'),
  'agreement.amended': spec<AgreementAmended>()('agreement', 'Agreement'),
  // A party's entity id is its organisation's id (one party per organisation and agreement).
  'party.added': spec<PartyDto>()('party', 'Agreement'),
  'party.updated': spec<PartyDto>()('party', 'Agreement'),
  'party.removed': spec<RemovedParty>()('party', 'Agreement'),
  'commitment.created': spec<CommitmentStateDto>()('commitment', 'Commitment'),
  'commitment.updated': spec<CommitmentStateDto>()('commitment', 'Commitment'),
  'commitment.progressed': spec<CommitmentProgressed>()('commitment', 'Commitment'),
  'indicator.created': spec<IndicatorStateDto>()('indicator', 'Commitment'),
  'indicator.updated': spec<IndicatorStateDto>()('indicator', 'Commitment'),
  // A measurement's payload lists its evidence with each file's SHA-256: the chain proves what was attached.
  'measurement.recorded': spec<MeasurementDto>()('measurement', 'Commitment'),
  'measurement.reviewed': spec<MeasurementDto>()('measurement', 'Commitment'),
  'evidence.uploaded': spec<EvidenceFileDto>()('evidence', 'Commitment'),
  'case.created': spec<CaseStateDto>()('case', 'Case'),
  'case.updated': spec<CaseStateDto>()('case', 'Case'),
  'case.transitioned': spec<CaseTransitioned>()('case', 'Case'),
  // Sensitive values never enter the log: these name fields, readers and reasons, and carry keyed digests.
  'case.sensitive_changed': spec<SensitiveChanged>()('case', 'CaseSensitive'),
  'case.sensitive_viewed': spec<SensitiveViewed>()('case', 'CaseSensitive'),
  'case.sensitive_erased': spec<SensitiveErased>()('case', 'Case'),
  'consent.recorded': spec<ConsentDto>()('consent', 'Referral'),
  'consent.revoked': spec<ConsentDto>()('consent', 'Referral'),
  'referral.sent': spec<ReferralDto>()('referral', 'Referral'),
  'referral.accepted': spec<ReferralDto>()('referral', 'Referral'),
  'referral.declined': spec<ReferralDto>()('referral', 'Referral'),
  'referral.completed': spec<ReferralDto>()('referral', 'Referral'),
  'referral.withdrawn': spec<ReferralDto>()('referral', 'Referral'),
  // The assistance track: members of law-enforcement organisations without an owner's grant get envelopes only.
  'assistance.requested': spec<AssistanceDto>()('assistance', 'CaseAssistance'),
  'assistance.updated': spec<AssistanceDto>()('assistance', 'CaseAssistance'),
  'assistance.given': spec<AssistanceDto>()('assistance', 'CaseAssistance'),
  'assistance.ended': spec<AssistanceDto>()('assistance', 'CaseAssistance'),
  'justice.recorded': spec<JusticeEntryDto>()('justice', 'CaseJustice'),
  'justice.updated': spec<JusticeEntryDto>()('justice', 'CaseJustice'),
  // Evidence no measurement named within EVIDENCE_ORPHAN_HOURS, deleted by the server (no actor).
  'evidence.discarded': spec<EvidenceFileDto>()('evidence', 'Commitment'),
} as const;

type Catalogue = typeof EVENT_CATALOGUE;
export type EventType = keyof Catalogue;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];
export type EventPayload<T extends EventType> = Catalogue[T] extends EventSpec<infer P, EntityType> ? P : never;
export type EventEntityType<T extends EventType> = Catalogue[T]['entityType'];

export const isEventType = (type: string): type is EventType => Object.hasOwn(EVENT_CATALOGUE, type);

/** What every member receives of every event: enough to keep the sequence and show the activity. */
export interface EventEnvelope<T extends EventType = EventType> {
  workspaceId: string;
  seq: number;
  type: T;
  entityType: EventEntityType<T>;
  entityId: string;
  actorId: string | null;
  at: string;
}

/** One entry of a workspace's event log, as stored, served for catch-up and broadcast live. */
export type WorkspaceEventOf<T extends EventType> = EventEnvelope<T> & { payload: EventPayload<T> };
export type WorkspaceEvent = { [T in EventType]: WorkspaceEventOf<T> }[EventType];

/** The same event for a member who may not read its payload. */
export type RedactedEvent = EventEnvelope & { redacted: true };

/** What a member receives live and from catch-up: the full event, or its envelope. */
export type DeliveredEvent = WorkspaceEvent | RedactedEvent;

export const isRedacted = (event: DeliveredEvent): event is RedactedEvent => 'redacted' in event;

/** Whether `ability` (a member's, in the event's workspace) may read the event's payload. */
export function canReadEvent(ability: AppAbility, event: Pick<WorkspaceEvent, 'type' | 'workspaceId'>): boolean {
  const { action, subject } = EVENT_CATALOGUE[event.type].read;
  return ability.can(action, tagged(subject, { workspaceId: event.workspaceId }) as never);
}

export function redact(event: WorkspaceEvent): RedactedEvent {
  const { workspaceId, seq, type, entityType, entityId, actorId, at } = event;
  return { workspaceId, seq, type, entityType, entityId, actorId, at, redacted: true } as RedactedEvent;
}

/** The event as `ability` may see it. */
export const deliveredFor = (ability: AppAbility, event: WorkspaceEvent): DeliveredEvent => (canReadEvent(ability, event) ? event : redact(event));

export const AuditVerificationSchema = named(
  'AuditVerificationDto',
  z.object({
    ok: z.boolean(),
    checked: z.number().int(),
    /**
     * The first event that does not hold: a broken link names the event itself; a checkpoint whose signature
     * or signed hash does not hold names the first event after the last checkpoint that does.
     */
    firstBrokenSeq: z.number().int().optional(),
    /** How many stored checkpoints were verified (all of them when ok). */
    checkpoints: z.number().int(),
  }),
);

/** The key that signs audit checkpoints, for anyone checking them away from the server. */
export const AuditPublicKeySchema = named(
  'AuditPublicKeyDto',
  z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), /** SPKI PEM */ publicKey: z.string() }),
);
export type AuditPublicKeyDto = z.infer<typeof AuditPublicKeySchema>;

/**
 * `GET /api/workspaces/:id/audit/export`: JSON lines (application/x-ndjson), one object each: a header, the
 * signed checkpoints, every stored event with its hashes, and an end line so a truncated file is detected.
 * `scripts/verify-audit.mjs` checks it against the public key without the server.
 */
export const AuditExportSchema = named('AuditExport', z.string());
export type AuditVerificationDto = z.infer<typeof AuditVerificationSchema>;

const envelopeFields = {
  workspaceId: z.uuid(),
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  entityType: z.enum(ENTITY_TYPES),
  entityId: z.string(),
  actorId: z.uuid().nullable(),
  at: Timestamp,
};

/**
 * An entry of the event log as the HTTP API describes it: the envelope, and either the payload (whose
 * shape the event catalogue gives per `type`: usually the entity's new state) or `redacted: true` for
 * a member who may not read it. `DeliveredEvent` is the precise type.
 */
export const DeliveredEventSchema = named(
  'DeliveredEvent',
  z.union([
    named('WorkspaceEvent', z.object({ ...envelopeFields, payload: z.record(z.string(), z.unknown()) })),
    named('RedactedEvent', z.object({ ...envelopeFields, redacted: z.literal(true) })),
  ]),
);
export const DeliveredEventPageSchema = pageOf('DeliveredEventPage', DeliveredEventSchema);
