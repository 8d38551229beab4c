import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { SENSITIVE_FIELDS } from './cases.js';
import { CalendarDateSchema, TextSchema } from './fields.js';

/**
 * Consents and referrals (SPEC "Cases"): a case is referred to another organisation for a service only with
 * the person's informed consent for that organisation and purpose (or the recorded life-risk exception), and
 * only the fields the person chose reach the recipient. Assistance and referrals never depend on whether the
 * person cooperates with the authorities.
 */
export const REFERRAL_SERVICES = ['shelter', 'health', 'legal_aid', 'psychosocial', 'documentation', 'repatriation', 'labour_insertion'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** `sent → accepted | declined`, `accepted → completed`; `withdrawn` when the consent behind it is revoked. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Who gave the consent: never a name, the record is pseudonymous. */
export const CONSENT_GIVERS = ['person', 'guardian', 'legal_representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

const text = (max: number) => TextSchema.trim().max(max);

export const RecordConsentSchema = z
  .strictObject({
    recipientOrganizationId: z.uuid(),
    purpose: z.enum(REFERRAL_SERVICES),
    /** Absent only under the life-risk exception. */
    givenBy: z.enum(CONSENT_GIVERS).optional(),
    givenOn: CalendarDateSchema,
    validUntil: CalendarDateSchema,
    /** The sensitive fields the person agreed to share with the recipient; none by default. */
    sharedFields: z.array(z.enum(SENSITIVE_FIELDS)).max(SENSITIVE_FIELDS.length).default([]),
    /** A risk to someone's life: the one case where a referral goes without the person's consent. */
    lifeRiskException: z.boolean().default(false),
    justification: text(2_000).min(10).optional(),
  })
  .refine((body) => (body.lifeRiskException ? body.justification !== undefined : body.givenBy !== undefined), {
    message: 'A consent names who gave it; the life-risk exception needs its justification instead',
    path: ['givenBy'],
  })
  .refine((body) => body.validUntil >= body.givenOn, { message: 'validUntil must not be before givenOn', path: ['validUntil'] });
export type RecordConsentInput = z.infer<typeof RecordConsentSchema>;

export const RevokeConsentSchema = z.strictObject({ reason: text(2_000).min(3) });
export type RevokeConsentInput = z.infer<typeof RevokeConsentSchema>;

export const ConsentSchema = named(
  'ConsentDto',
  z.object({
    id: z.uuid(),
    caseId: z.uuid(),
    recipientOrganizationId: z.uuid(),
    recipientOrganizationName: z.string(),
    purpose: z.enum(REFERRAL_SERVICES),
    givenBy: z.enum(CONSENT_GIVERS).nullable(),
    givenOn: CalendarDateSchema,
    validUntil: CalendarDateSchema,
    sharedFields: z.array(z.enum(SENSITIVE_FIELDS)),
    lifeRiskException: z.boolean(),
    justification: z.string().nullable(),
    recordedBy: z.uuid(),
    recordedAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    revokedBy: z.uuid().nullable(),
    revokeReason: z.string().nullable(),
  }),
);
export type ConsentDto = z.infer<typeof ConsentSchema>;
export const ConsentPageSchema = pageOf('ConsentPage', ConsentSchema);

export const CreateReferralSchema = z.strictObject({
  toOrganizationId: z.uuid(),
  service: z.enum(REFERRAL_SERVICES),
  urgency: z.enum(REFERRAL_URGENCIES),
  note: text(2_000).optional(),
});
export type CreateReferralInput = z.infer<typeof CreateReferralSchema>;

export const AcceptReferralSchema = z.strictObject({
  version: z.number().int().min(1),
  /** The receiving organisation's people who join the case as contributors: exactly these. */
  userIds: z.array(z.uuid()).min(1).max(50),
});
export type AcceptReferralInput = z.infer<typeof AcceptReferralSchema>;

export const DeclineReferralSchema = z.strictObject({ version: z.number().int().min(1), reason: text(2_000).min(3) });
export type DeclineReferralInput = z.infer<typeof DeclineReferralSchema>;

export const CompleteReferralSchema = z.strictObject({ version: z.number().int().min(1), note: text(2_000).optional() });
export type CompleteReferralInput = z.infer<typeof CompleteReferralSchema>;

export const IncomingReferralQuerySchema = z.strictObject({ status: z.enum(REFERRAL_STATUSES).optional() });
export type IncomingReferralQuery = z.infer<typeof IncomingReferralQuerySchema>;

/** A referral as the referring case's members see it (and its events carry it). */
export const ReferralSchema = named(
  'ReferralDto',
  z.object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseCode: z.string(),
    fromOrganizationId: z.uuid(),
    toOrganizationId: z.uuid(),
    toOrganizationName: z.string(),
    service: z.enum(REFERRAL_SERVICES),
    urgency: z.enum(REFERRAL_URGENCIES),
    note: z.string().nullable(),
    consentId: z.uuid(),
    status: z.enum(REFERRAL_STATUSES),
    declineReason: z.string().nullable(),
    completionNote: z.string().nullable(),
    /** Who joined the case when it was accepted. */
    acceptedUserIds: z.array(z.uuid()),
    createdBy: z.uuid(),
    createdAt: Timestamp,
    decidedBy: z.uuid().nullable(),
    decidedAt: Timestamp.nullable(),
    completedAt: Timestamp.nullable(),
    version: z.number().int(),
  }),
);
export type ReferralDto = z.infer<typeof ReferralSchema>;
export const ReferralPageSchema = pageOf('ReferralPage', ReferralSchema);

/**
 * A referral as the receiving organisation's admins see it in their inbox: only what the consent allows —
 * the case code, service, urgency and jurisdiction, and the names of the fields the person agreed to share.
 */
export const IncomingReferralSchema = named(
  'IncomingReferralDto',
  z.object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseCode: z.string(),
    fromOrganizationName: z.string(),
    service: z.enum(REFERRAL_SERVICES),
    urgency: z.enum(REFERRAL_URGENCIES),
    jurisdiction: z.string().nullable(),
    sharedFields: z.array(z.enum(SENSITIVE_FIELDS)),
    status: z.enum(REFERRAL_STATUSES),
    createdAt: Timestamp,
    decidedAt: Timestamp.nullable(),
    completedAt: Timestamp.nullable(),
    version: z.number().int(),
  }),
);
export type IncomingReferralDto = z.infer<typeof IncomingReferralSchema>;
export const IncomingReferralPageSchema = pageOf('IncomingReferralPage', IncomingReferralSchema);
