import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { CalendarDateSchema, TextSchema } from './fields.js';
import { REFERRAL_SERVICES } from './referrals.js';

/**
 * The two tracks of a case (SPEC "Cases"). Assistance: the services the person asked for, was given and ended,
 * which nothing makes depend on their cooperation with the authorities, and which members of law-enforcement
 * organisations read only with an owner's grant. Criminal justice: the complaint, investigation, proceedings and
 * outcome, as dated entries every member reads. Neither holds a sensitive field: notes say what was done, never who
 * the person is or where they are.
 */
export const ASSISTANCE_SERVICES = REFERRAL_SERVICES;
export type AssistanceService = (typeof ASSISTANCE_SERVICES)[number];

/** `requested → given → ended`, or `requested → ended` (no longer needed, or refused by the person). */
export const ASSISTANCE_STATUSES = ['requested', 'given', 'ended'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

export const ASSISTANCE_TRANSITIONS: Record<AssistanceStatus, readonly AssistanceStatus[]> = {
  requested: ['given', 'ended'],
  given: ['ended'],
  ended: [],
};

export const JUSTICE_STEPS = ['complaint', 'investigation', 'proceedings', 'outcome'] as const;
export type JusticeStep = (typeof JUSTICE_STEPS)[number];

const note = TextSchema.trim().max(2_000);

/** `POST /api/cases/:id/assistance`: a service the person asked for (or was offered and accepted). */
export const RequestAssistanceSchema = z.strictObject({
  service: z.enum(ASSISTANCE_SERVICES),
  requestedOn: CalendarDateSchema,
  providerOrganizationId: z.uuid().nullable().optional(),
  note: note.nullable().optional(),
});
export type RequestAssistanceInput = z.infer<typeof RequestAssistanceSchema>;

/** `PATCH /api/cases/:id/assistance/:serviceId`: the details; the status changes through transitions. */
export const UpdateAssistanceSchema = z
  .strictObject({
    version: z.number().int().min(1),
    requestedOn: CalendarDateSchema.optional(),
    providerOrganizationId: z.uuid().nullable().optional(),
    note: note.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' });
export type UpdateAssistanceInput = z.infer<typeof UpdateAssistanceSchema>;

/** `POST /api/cases/:id/assistance/:serviceId/transitions`: the service was given (started) or ended, on a day. */
export const TransitionAssistanceSchema = z.strictObject({
  version: z.number().int().min(1),
  to: z.enum(['given', 'ended']),
  on: CalendarDateSchema,
  note: note.nullable().optional(),
});
export type TransitionAssistanceInput = z.infer<typeof TransitionAssistanceSchema>;

export const AssistanceSchema = named(
  'AssistanceServiceDto',
  z.object({
    id: z.uuid(),
    caseId: z.uuid(),
    service: z.enum(ASSISTANCE_SERVICES),
    status: z.enum(ASSISTANCE_STATUSES),
    requestedOn: CalendarDateSchema,
    /** The day it was given (started); null until then. */
    startedOn: CalendarDateSchema.nullable(),
    endedOn: CalendarDateSchema.nullable(),
    providerOrganizationId: z.uuid().nullable(),
    providerOrganizationName: z.string().nullable(),
    note: z.string().nullable(),
    /** Where the status may go next. */
    allowedTransitions: z.array(z.enum(ASSISTANCE_STATUSES)),
    createdBy: z.uuid(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type AssistanceDto = z.infer<typeof AssistanceSchema>;
export const AssistancePageSchema = pageOf('AssistanceServicePage', AssistanceSchema);

const justiceFields = {
  step: z.enum(JUSTICE_STEPS),
  /** The day of the step: the complaint filed, the investigation opened, a hearing held, the judgment given. */
  on: CalendarDateSchema,
  /** The police unit, prosecutor's office or court, when it is on the hub. */
  authorityOrganizationId: z.uuid().nullable(),
  /** The file or docket number, if any. */
  reference: TextSchema.trim().min(1).max(120).nullable(),
  note: note.nullable(),
};

/** `POST /api/cases/:id/justice`: one dated entry of the criminal-justice track. */
export const RecordJusticeSchema = z.strictObject({
  step: justiceFields.step,
  on: justiceFields.on,
  authorityOrganizationId: justiceFields.authorityOrganizationId.optional(),
  reference: justiceFields.reference.optional(),
  note: justiceFields.note.optional(),
});
export type RecordJusticeInput = z.infer<typeof RecordJusticeSchema>;

export const UpdateJusticeSchema = z
  .strictObject({
    version: z.number().int().min(1),
    step: justiceFields.step.optional(),
    on: justiceFields.on.optional(),
    authorityOrganizationId: justiceFields.authorityOrganizationId.optional(),
    reference: justiceFields.reference.optional(),
    note: justiceFields.note.optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' });
export type UpdateJusticeInput = z.infer<typeof UpdateJusticeSchema>;

export const JusticeEntrySchema = named(
  'JusticeEntryDto',
  z.object({
    id: z.uuid(),
    caseId: z.uuid(),
    ...justiceFields,
    authorityOrganizationName: z.string().nullable(),
    createdBy: z.uuid(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type JusticeEntryDto = z.infer<typeof JusticeEntrySchema>;
export const JusticeEntryPageSchema = pageOf('JusticeEntryPage', JusticeEntrySchema);
