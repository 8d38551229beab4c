import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { CalendarDateSchema, TextSchema } from './fields.js';
import { IndicatorSchema, LinkedCardSchema } from './indicators.js';

/**
 * Agreements (SPEC "Agreements"): the record of an agreement workspace, its parties, lifecycle,
 * amendments and commitments. An agreement's id is its workspace's id: one agreement per workspace.
 */
export const AGREEMENT_KINDS = ['mou', 'cooperation_agreement', 'bilateral', 'multilateral', 'protocol'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = ['draft', 'negotiation', 'signed', 'in_force', 'suspended', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** `draft → negotiation → signed → in_force ⇄ suspended → expired | terminated`: where each status may go next. */
export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['negotiation'],
  negotiation: ['signed'],
  signed: ['in_force'],
  in_force: ['suspended', 'expired', 'terminated'],
  suspended: ['in_force', 'expired', 'terminated'],
  expired: [],
  terminated: [],
};

/** Before signing the terms are a draft, edited in place; from signing on they change only by amendment. */
export const TERMS_EDITABLE_IN: readonly AgreementStatus[] = ['draft', 'negotiation'];

export const PARTY_ROLES = ['signatory', 'implementing', 'observer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const THEMATIC_AREAS = ['prevention', 'protection', 'assistance', 'restoration_of_rights', 'prosecution', 'cooperation'] as const;
export type ThematicArea = (typeof THEMATIC_AREAS)[number];

export const COMMITMENT_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

const text = (max: number) => TextSchema.trim().max(max);
const title = TextSchema.trim().min(1).max(200);
const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. AR');
/** Money as a decimal string (never a float): up to 16 digits and 2 decimals, not negative. */
const amount = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'An amount such as "1500000.00"');
const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. ARS');

const agreementFields = {
  kind: z.enum(AGREEMENT_KINDS),
  referenceCode: text(60).min(1).nullable(),
  summary: text(5_000),
  terms: TextSchema.max(200_000),
  thematicAreas: z.array(z.enum(THEMATIC_AREAS)).max(THEMATIC_AREAS.length),
  countries: z.array(country).max(50),
  jurisdictions: z.array(text(120).min(1)).max(100),
  signedOn: CalendarDateSchema.nullable(),
  effectiveFrom: CalendarDateSchema.nullable(),
  expiresOn: CalendarDateSchema.nullable(),
  nextReviewOn: CalendarDateSchema.nullable(),
};

interface Dated {
  effectiveFrom?: string | null;
  expiresOn?: string | null;
}
/** An agreement cannot expire before it takes effect (both dates given). */
export const datesInOrder = ({ effectiveFrom, expiresOn }: Dated): boolean => !effectiveFrom || !expiresOn || expiresOn >= effectiveFrom;
const DATES_IN_ORDER = { message: 'expiresOn must not be before effectiveFrom', path: ['expiresOn'] };

/** The record's fields that every request shape (create, generic create, update) takes as optional. */
const optionalRecordFields = {
    referenceCode: agreementFields.referenceCode.optional(),
    summary: agreementFields.summary.optional(),
    terms: agreementFields.terms.optional(),
    thematicAreas: agreementFields.thematicAreas.optional(),
    countries: agreementFields.countries.optional(),
    jurisdictions: agreementFields.jurisdictions.optional(),
    signedOn: agreementFields.signedOn.optional(),
    effectiveFrom: agreementFields.effectiveFrom.optional(),
    expiresOn: agreementFields.expiresOn.optional(),
    nextReviewOn: agreementFields.nextReviewOn.optional(),
};

/** The agreement record's own fields; all optional, so the generic workspace route can create a default draft. */
export const AgreementDetailsSchema = z
  .strictObject({
    kind: agreementFields.kind.default('mou'),
    ...optionalRecordFields,
  })
  .refine(datesInOrder, DATES_IN_ORDER);
export type AgreementDetails = z.infer<typeof AgreementDetailsSchema>;

/** `POST /api/agreements`: the workspace's title and description with the agreement's fields. */
export const CreateAgreementSchema = z
  .strictObject({
    title,
    description: TextSchema.max(10_000).optional(),
    kind: agreementFields.kind,
    ...optionalRecordFields,
  })
  .refine(datesInOrder, DATES_IN_ORDER);
export type CreateAgreementInput = z.infer<typeof CreateAgreementSchema>;

/** The title is the workspace's (`PATCH /api/workspaces/:id`); status changes through transitions. */
export const UpdateAgreementSchema = z
  .strictObject({
    version: z.number().int().min(1),
    kind: agreementFields.kind.optional(),
    ...optionalRecordFields,
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' });
export type UpdateAgreementInput = z.infer<typeof UpdateAgreementSchema>;

/**
 * The record date a step sets, so a step and its date are one request: `signedOn` with `signed` (otherwise
 * the latest signatory's signature), `effectiveFrom` with `in_force` (needed unless already set) and
 * `expiresOn` with `expired`.
 */
export const TRANSITION_DATES = { signed: 'signedOn', in_force: 'effectiveFrom', expired: 'expiresOn' } as const satisfies Partial<Record<AgreementStatus, string>>;
export type TransitionDateField = (typeof TRANSITION_DATES)[keyof typeof TRANSITION_DATES];
const transitionDateFields = Object.values(TRANSITION_DATES);

export const TransitionAgreementSchema = z
  .strictObject({
    version: z.number().int().min(1),
    to: z.enum(AGREEMENT_STATUSES),
    reason: text(2_000).optional(),
    signedOn: CalendarDateSchema.optional(),
    effectiveFrom: CalendarDateSchema.optional(),
    expiresOn: CalendarDateSchema.optional(),
  })
  .superRefine((body, context) => {
    for (const field of transitionDateFields) {
      if (body[field] !== undefined && TRANSITION_DATES[body.to as keyof typeof TRANSITION_DATES] !== field) {
        context.addIssue({ code: 'custom', path: [field], message: `${field} goes only with the step it dates` });
      }
    }
  });
export type TransitionAgreementInput = z.infer<typeof TransitionAgreementSchema>;

export const CreateAmendmentSchema = z.strictObject({
  version: z.number().int().min(1),
  amendedOn: CalendarDateSchema,
  summary: text(5_000).min(1),
  terms: TextSchema.max(200_000),
});
export type CreateAmendmentInput = z.infer<typeof CreateAmendmentSchema>;

export const AddPartySchema = z.strictObject({
  organizationId: z.uuid(),
  role: z.enum(PARTY_ROLES),
  contactUserId: z.uuid().nullable().optional(),
  /** The day this party signed; a signatory's is needed before the agreement can be signed. */
  signedOn: CalendarDateSchema.nullable().optional(),
});
export type AddPartyInput = z.infer<typeof AddPartySchema>;

export const UpdatePartySchema = z
  .strictObject({
    version: z.number().int().min(1),
    role: z.enum(PARTY_ROLES).optional(),
    contactUserId: z.uuid().nullable().optional(),
    signedOn: CalendarDateSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' });
export type UpdatePartyInput = z.infer<typeof UpdatePartySchema>;

const budgetInOrder = ({ budgetAllocated, budgetExecuted, currency }: { budgetAllocated?: string | null; budgetExecuted?: string | null; currency?: string | null }) =>
  (budgetAllocated == null && budgetExecuted == null) || currency != null;
const BUDGET_NEEDS_CURRENCY = { message: 'A budget needs its currency', path: ['currency'] };

const commitmentFields = {
  text: text(5_000).min(1),
  responsibleOrganizationId: z.uuid(),
  thematicArea: z.enum(THEMATIC_AREAS),
  dueOn: CalendarDateSchema.nullable(),
  budgetAllocated: amount.nullable(),
  budgetExecuted: amount.nullable(),
  currency: currency.nullable(),
  staffAssigned: z.number().int().min(0).max(1_000_000).nullable(),
};

export const CreateCommitmentSchema = z
  .strictObject({
    text: commitmentFields.text,
    responsibleOrganizationId: commitmentFields.responsibleOrganizationId,
    thematicArea: commitmentFields.thematicArea,
    dueOn: commitmentFields.dueOn.optional(),
    budgetAllocated: commitmentFields.budgetAllocated.optional(),
    budgetExecuted: commitmentFields.budgetExecuted.optional(),
    currency: commitmentFields.currency.optional(),
    staffAssigned: commitmentFields.staffAssigned.optional(),
  })
  .refine(budgetInOrder, BUDGET_NEEDS_CURRENCY);
export type CreateCommitmentInput = z.infer<typeof CreateCommitmentSchema>;

/** What the commitment is (owners and coordinators); its status moves through progress updates. */
export const UpdateCommitmentSchema = z
  .strictObject({
    version: z.number().int().min(1),
    text: commitmentFields.text.optional(),
    responsibleOrganizationId: commitmentFields.responsibleOrganizationId.optional(),
    thematicArea: commitmentFields.thematicArea.optional(),
    dueOn: commitmentFields.dueOn.optional(),
    budgetAllocated: commitmentFields.budgetAllocated.optional(),
    budgetExecuted: commitmentFields.budgetExecuted.optional(),
    currency: commitmentFields.currency.optional(),
    staffAssigned: commitmentFields.staffAssigned.optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' });
export type UpdateCommitmentInput = z.infer<typeof UpdateCommitmentSchema>;

/** A progress update by the responsible party: a note, and a status change if any (blocked needs its reason). */
export const ReportProgressSchema = z
  .strictObject({
    version: z.number().int().min(1),
    note: text(5_000).min(1),
    status: z.enum(COMMITMENT_STATUSES).optional(),
    blockedReason: text(2_000).min(1).optional(),
  })
  .refine((body) => (body.status === 'blocked') === (body.blockedReason !== undefined), {
    message: 'A blocked status needs its blockedReason, and only a blocked status has one',
    path: ['blockedReason'],
  });
export type ReportProgressInput = z.infer<typeof ReportProgressSchema>;

export const AgreementListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  partyOrganizationId: z.uuid().optional(),
  area: z.enum(THEMATIC_AREAS).optional(),
  country: country.optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuerySchema>;

/** `GET /api/agreements/export`: the portfolio's filters, or one agreement. */
export const CommitmentExportQuerySchema = AgreementListQuerySchema.omit({ limit: true, cursor: true }).extend({ agreementId: z.uuid().optional() });
export type CommitmentExportQuery = z.infer<typeof CommitmentExportQuerySchema>;

/**
 * The commitments export: CSV (UTF-8 with a byte-order mark), headers and enum values in the caller's
 * language (Accept-Language), one row per indicator with its latest reported and verified measurement.
 */
export const CommitmentExportSchema = named('CommitmentExportCsv', z.string());

export const PartySchema = named(
  'PartyDto',
  z.object({
    agreementId: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    role: z.enum(PARTY_ROLES),
    contactUserId: z.uuid().nullable(),
    signedOn: CalendarDateSchema.nullable(),
    version: z.number().int(),
  }),
);
export type PartyDto = z.infer<typeof PartySchema>;

/** The agreement as its events carry it: the record with its current terms, without parties. */
export const AgreementStateSchema = z.object({
  /** The agreement workspace's id, which is also the agreement's. */
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  status: z.enum(AGREEMENT_STATUSES),
  leadOrganizationId: z.uuid().nullable(),
  referenceCode: z.string().nullable(),
  summary: z.string(),
  /** The latest amendment's terms, or the original's when there is none. */
  terms: z.string(),
  /** 0 for the original terms, otherwise the latest amendment's number. */
  termsVersion: z.number().int(),
  thematicAreas: z.array(z.enum(THEMATIC_AREAS)),
  countries: z.array(z.string()),
  jurisdictions: z.array(z.string()),
  signedOn: CalendarDateSchema.nullable(),
  effectiveFrom: CalendarDateSchema.nullable(),
  expiresOn: CalendarDateSchema.nullable(),
  nextReviewOn: CalendarDateSchema.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AgreementStateDto = z.infer<typeof AgreementStateSchema>;

export const AgreementSchema = named(
  'AgreementDto',
  AgreementStateSchema.extend({
    parties: z.array(PartySchema),
    /** Where the status may go next. */
    allowedTransitions: z.array(z.enum(AGREEMENT_STATUSES)),
  }),
);
export type AgreementDto = z.infer<typeof AgreementSchema>;

export const AgreementFiguresSchema = z.object({
  commitmentsDone: z.number().int(),
  commitmentsTotal: z.number().int(),
  overdue: z.number().int(),
  blocked: z.number().int(),
  /** The earliest due date of a commitment not done and not yet overdue. */
  nextDueOn: CalendarDateSchema.nullable(),
  /** Mean progress of the agreement's indicators (0–1) by their latest measurements, and by their latest verified ones; null without indicators. */
  progressReported: z.number().nullable(),
  progressVerified: z.number().nullable(),
  daysToExpiry: z.number().int().nullable(),
  daysToReview: z.number().int().nullable(),
});
export type AgreementFiguresDto = z.infer<typeof AgreementFiguresSchema>;

export const AgreementListItemSchema = named(
  'AgreementListItemDto',
  AgreementStateSchema.extend({
    /** How the agreement's implementation stands, as of the day of the response (UTC). */
    figures: AgreementFiguresSchema,
  }),
);
export type AgreementListItemDto = z.infer<typeof AgreementListItemSchema>;

export const TransitionSchema = named(
  'TransitionDto',
  z.object({
    id: z.uuid(),
    agreementId: z.uuid(),
    from: z.enum(AGREEMENT_STATUSES),
    to: z.enum(AGREEMENT_STATUSES),
    reason: z.string().nullable(),
    actorId: z.uuid(),
    at: Timestamp,
  }),
);
export type TransitionDto = z.infer<typeof TransitionSchema>;

/** One version of the terms: number 0 is the original, then each amendment. */
export const TermsVersionSchema = named(
  'TermsVersionDto',
  z.object({
    agreementId: z.uuid(),
    number: z.number().int(),
    /** When the amendment was agreed; null for the original. */
    amendedOn: CalendarDateSchema.nullable(),
    summary: z.string().nullable(),
    terms: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: Timestamp,
  }),
);
export type TermsVersionDto = z.infer<typeof TermsVersionSchema>;

/** A commitment as its events carry it: `overdue` depends on the day it is read, so it is never logged. */
export const CommitmentStateSchema = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  text: z.string(),
  responsibleOrganizationId: z.uuid(),
  thematicArea: z.enum(THEMATIC_AREAS),
  dueOn: CalendarDateSchema.nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  blockedReason: z.string().nullable(),
  /** Decimal strings, e.g. "1500000.00". */
  budgetAllocated: z.string().nullable(),
  budgetExecuted: z.string().nullable(),
  currency: z.string().nullable(),
  staffAssigned: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CommitmentStateDto = z.infer<typeof CommitmentStateSchema>;

export const CommitmentSchema = named(
  'CommitmentDto',
  CommitmentStateSchema.extend({
    /** Past its due date and not done, on the day of the response (UTC). */
    overdue: z.boolean(),
    /** Mean progress of its indicators (0–1) by their latest measurements, and by their latest verified ones; null without indicators. */
    progressReported: z.number().nullable(),
    progressVerified: z.number().nullable(),
    /** Cards linked to it, and how many of them sit in a column marked "done" (which changes no status by itself). */
    cardsTotal: z.number().int(),
    cardsDone: z.number().int(),
  }),
);
export type CommitmentDto = z.infer<typeof CommitmentSchema>;

export const ProgressUpdateSchema = named(
  'ProgressUpdateDto',
  z.object({
    id: z.uuid(),
    commitmentId: z.uuid(),
    note: z.string(),
    statusFrom: z.enum(COMMITMENT_STATUSES),
    statusTo: z.enum(COMMITMENT_STATUSES),
    blockedReason: z.string().nullable(),
    authorId: z.uuid(),
    at: Timestamp,
  }),
);
export type ProgressUpdateDto = z.infer<typeof ProgressUpdateSchema>;

export const CommitmentDetailSchema = named(
  'CommitmentDetailDto',
  CommitmentSchema.extend({
    /** Every progress update, oldest first. */
    progress: z.array(ProgressUpdateSchema),
    indicators: z.array(IndicatorSchema),
    cards: z.array(LinkedCardSchema),
  }),
);
export type CommitmentDetailDto = z.infer<typeof CommitmentDetailSchema>;

export const AgreementPageSchema = pageOf('AgreementPage', AgreementListItemSchema);
export const TransitionPageSchema = pageOf('TransitionPage', TransitionSchema);
export const TermsVersionPageSchema = pageOf('TermsVersionPage', TermsVersionSchema);
export const CommitmentPageSchema = pageOf('CommitmentPage', CommitmentSchema);
export const CommitmentDetailPageSchema = pageOf('CommitmentDetailPage', CommitmentDetailSchema);

/** Payload of `agreement.transitioned`. */
export interface AgreementTransitioned {
  agreement: AgreementStateDto;
  transition: TransitionDto;
}

/** Payload of `agreement.amended`. */
export interface AgreementAmended {
  agreement: AgreementStateDto;
  amendment: TermsVersionDto;
}

/** Payload of `party.removed`. */
export interface RemovedParty {
  agreementId: string;
  organizationId: string;
}

/** Payload of `commitment.progressed`. */
export interface CommitmentProgressed {
  commitment: CommitmentStateDto;
  progress: ProgressUpdateDto;
}

/** Whether a commitment is overdue on `today` (YYYY-MM-DD, UTC): past due and not done. */
export const isOverdue = (commitment: Pick<CommitmentStateDto, 'dueOn' | 'status'>, today: string): boolean =>
  commitment.dueOn !== null && commitment.dueOn < today && commitment.status !== 'done';
