import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import type { Locale, OrganizationKind } from './accounts.js';
import { CalendarDateSchema, TextSchema } from './fields.js';

/**
 * Cases (SPEC "Cases"): the pseudonymous record of a case workspace, its sensitive fields (encrypted,
 * read through their own routes, every read audited), consents and referrals. A case's id is its
 * workspace's id: one case per workspace.
 */
export const EXPLOITATION_TYPES = ['sexual', 'labour', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'forced_marriage', 'organ_removal', 'other'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** The national referral mechanism's steps; criminal proceedings are a track of their own, not a stage. */
export const CASE_STAGES = ['identified', 'assessment', 'assistance', 'inclusion', 'return', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Where each stage may go next. A case may be closed from any stage (the person may stop at any point). */
export const CASE_STAGE_TRANSITIONS: Record<CaseStage, readonly CaseStage[]> = {
  identified: ['assessment', 'closed'],
  assessment: ['assistance', 'closed'],
  assistance: ['inclusion', 'return', 'closed'],
  inclusion: ['closed'],
  return: ['closed'],
  closed: [],
};

export const RISK_LEVELS = ['unknown', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The fields that identify or locate a person. They never appear in a case response, a list, an event
 * payload, a log line, an e-mail or an export: they are encrypted in their own table and read only
 * through `POST /api/cases/:id/sensitive/views`, with a reason, by those the shared rules allow.
 */
export const SENSITIVE_FIELDS = ['alias', 'ageOrBirthYear', 'nationality', 'contact', 'exactLocation', 'restrictedNotes'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

export const isSensitiveField = (key: string): key is SensitiveField => (SENSITIVE_FIELDS as readonly string[]).includes(key);

const text = (max: number) => TextSchema.trim().max(max);
const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. AR');

/**
 * The non-sensitive record. `cooperatesWithAuthorities` is recorded for the justice track only: no rule,
 * query or screen may make assistance or a referral depend on it (a test fails if anything but the case
 * schema, entity, mapper and form reads it).
 */
const caseFields = {
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length),
  jurisdiction: text(120).min(1).nullable(),
  identifiedOn: CalendarDateSchema.nullable(),
  riskLevel: z.enum(RISK_LEVELS),
  consentDataSharing: z.boolean(),
  consentReferral: z.boolean(),
  cooperatesWithAuthorities: z.boolean().nullable(),
};

const optionalCaseFields = {
  exploitationTypes: caseFields.exploitationTypes.optional(),
  /** The day the person was offered, and began, their reflection and recovery period; null withdraws it. */
  reflectionStartedOn: CalendarDateSchema.nullable().optional(),
  jurisdiction: caseFields.jurisdiction.optional(),
  identifiedOn: caseFields.identifiedOn.optional(),
  riskLevel: caseFields.riskLevel.optional(),
  consentDataSharing: caseFields.consentDataSharing.optional(),
  consentReferral: caseFields.consentReferral.optional(),
  cooperatesWithAuthorities: caseFields.cooperatesWithAuthorities.optional(),
};

/**
 * The record's own fields at creation; all optional, so the generic workspace route can create a case too.
 * `country` (of the case code) defaults to the creator's organisation's.
 */
export const CaseDetailsSchema = z.strictObject({ country: country.optional(), ...optionalCaseFields });
export type CaseDetails = z.infer<typeof CaseDetailsSchema>;

/** `POST /api/cases`: the workspace's title and description with the case's fields (never sensitive ones). */
export const CreateCaseSchema = z.strictObject({
  title: TextSchema.trim().min(1).max(200),
  description: TextSchema.max(10_000).optional(),
  country: country.optional(),
  ...optionalCaseFields,
});
export type CreateCaseInput = z.infer<typeof CreateCaseSchema>;

/** The stage changes through transitions; the title is the workspace's. */
export const UpdateCaseSchema = z
  .strictObject({ version: z.number().int().min(1), ...optionalCaseFields })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' });
export type UpdateCaseInput = z.infer<typeof UpdateCaseSchema>;

export const TransitionCaseSchema = z.strictObject({
  version: z.number().int().min(1),
  to: z.enum(CASE_STAGES),
  reason: text(2_000).optional(),
});
export type TransitionCaseInput = z.infer<typeof TransitionCaseSchema>;

export const CaseListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
  stage: z.enum(CASE_STAGES).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

/** The case as its events carry it and every member reads it: never a sensitive field. */
export const CaseStateSchema = z.object({
  /** The case workspace's id, which is also the case's. */
  id: z.uuid(),
  title: z.string(),
  /** Country, year and a number never reused, e.g. AR-2026-0042. */
  code: z.string(),
  country: z.string(),
  leadOrganizationId: z.uuid().nullable(),
  stage: z.enum(CASE_STAGES),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  jurisdiction: z.string().nullable(),
  identifiedOn: CalendarDateSchema.nullable(),
  riskLevel: z.enum(RISK_LEVELS),
  consentDataSharing: z.boolean(),
  consentReferral: z.boolean(),
  cooperatesWithAuthorities: z.boolean().nullable(),
  /**
   * The reflection and recovery period, which asks nothing of the person: its start, its length (the country's
   * setting when it started, 30 days by default) and its last day.
   */
  reflection: z.object({ startsOn: CalendarDateSchema, days: z.number().int(), endsOn: CalendarDateSchema }).nullable(),
  closedAt: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CaseStateDto = z.infer<typeof CaseStateSchema>;

export const CaseSchema = named(
  'CaseDto',
  CaseStateSchema.extend({
    /** Where the stage may go next. */
    allowedTransitions: z.array(z.enum(CASE_STAGES)),
    /** Days of the reflection period left on the day of the response (UTC), 0 once over; null without one. */
    reflectionDaysLeft: z.number().int().nullable(),
  }),
);
export type CaseDto = z.infer<typeof CaseSchema>;
export const CasePageSchema = pageOf('CasePage', CaseStateSchema);

export const CaseTransitionSchema = named(
  'CaseTransitionDto',
  z.object({
    id: z.uuid(),
    caseId: z.uuid(),
    from: z.enum(CASE_STAGES),
    to: z.enum(CASE_STAGES),
    reason: z.string().nullable(),
    actorId: z.uuid(),
    at: Timestamp,
  }),
);
export type CaseTransitionDto = z.infer<typeof CaseTransitionSchema>;
export const CaseTransitionPageSchema = pageOf('CaseTransitionPage', CaseTransitionSchema);

// --- Sensitive fields ---

const sensitiveValues = {
  alias: text(200).min(1).nullable(),
  ageOrBirthYear: text(40).min(1).nullable(),
  nationality: text(120).min(1).nullable(),
  contact: text(500).min(1).nullable(),
  exactLocation: text(1_000).min(1).nullable(),
  restrictedNotes: TextSchema.max(20_000).nullable(),
} satisfies Record<SensitiveField, z.ZodType>;

/** `PUT /api/cases/:id/sensitive`: the fields to set (null clears one), with the version read. */
export const WriteSensitiveSchema = z.strictObject({
  version: z.number().int().min(1),
  fields: z
    .strictObject({
      alias: sensitiveValues.alias.optional(),
      ageOrBirthYear: sensitiveValues.ageOrBirthYear.optional(),
      nationality: sensitiveValues.nationality.optional(),
      contact: sensitiveValues.contact.optional(),
      exactLocation: sensitiveValues.exactLocation.optional(),
      restrictedNotes: sensitiveValues.restrictedNotes.optional(),
    })
    .refine((fields) => Object.keys(fields).length > 0, { message: 'Nothing to change' }),
});
export type WriteSensitiveInput = z.infer<typeof WriteSensitiveSchema>;

/** `POST /api/cases/:id/sensitive/views`: why the reader needs them, and which (all by default). */
export const ViewSensitiveSchema = z.strictObject({
  reason: text(500).min(3),
  fields: z.array(z.enum(SENSITIVE_FIELDS)).min(1).max(SENSITIVE_FIELDS.length).optional(),
});
export type ViewSensitiveInput = z.infer<typeof ViewSensitiveSchema>;

export const SensitiveRecordSchema = named(
  'CaseSensitiveDto',
  z.object({
    caseId: z.uuid(),
    /** Increases with every write of the sensitive fields; a write carries the version it read. */
    version: z.number().int(),
    /** The fields asked for; null where none is recorded. */
    fields: z.object({
      alias: z.string().nullable().optional(),
      ageOrBirthYear: z.string().nullable().optional(),
      nationality: z.string().nullable().optional(),
      contact: z.string().nullable().optional(),
      exactLocation: z.string().nullable().optional(),
      restrictedNotes: z.string().nullable().optional(),
    }),
    /** True once the retention period erased them: every value is null for good. */
    erased: z.boolean(),
  }),
);
export type SensitiveRecordDto = z.infer<typeof SensitiveRecordSchema>;

/** What a write tells the writer: the new version and which fields changed (never the values). */
export const SensitiveWriteResultSchema = named(
  'CaseSensitiveWriteDto',
  z.object({ caseId: z.uuid(), version: z.number().int(), changed: z.array(z.enum(SENSITIVE_FIELDS)) }),
);
export type SensitiveWriteResultDto = z.infer<typeof SensitiveWriteResultSchema>;

/** One read of the sensitive fields, from the audit log: who, when, which fields, why. */
export const SensitiveViewSchema = named(
  'CaseSensitiveViewDto',
  z.object({ seq: z.number().int(), readerId: z.uuid(), fields: z.array(z.enum(SENSITIVE_FIELDS)), reason: z.string(), at: Timestamp }),
);
export type SensitiveViewDto = z.infer<typeof SensitiveViewSchema>;
export const SensitiveViewPageSchema = pageOf('CaseSensitiveViewPage', SensitiveViewSchema);

/** Payload of `case.sensitive_viewed`: the fields, the reader and the reason, never the values. */
export interface SensitiveViewed {
  caseId: string;
  readerId: string;
  fields: SensitiveField[];
  reason: string;
}

/**
 * Payload of `case.sensitive_changed`: which fields changed, each with a keyed digest (HMAC-SHA-256 under a
 * key derived from the case's own data key, so it cannot be checked by guessing once that key is destroyed),
 * never the values. `digest` is null for a cleared field.
 */
export interface SensitiveChanged {
  caseId: string;
  version: number;
  fields: Array<{ field: SensitiveField; digest: string | null }>;
}

/** Payload of `case.sensitive_erased`: the retention period destroyed the case's data key. */
export interface SensitiveErased {
  caseId: string;
  closedAt: string;
}

/** Payload of `case.transitioned`. */
export interface CaseTransitioned {
  case: CaseStateDto;
  transition: CaseTransitionDto;
}

// --- Aggregates ---

export const CASE_STATISTIC_DIMENSIONS = ['stage', 'exploitationType', 'jurisdiction', 'month'] as const;
export type CaseStatisticDimension = (typeof CASE_STATISTIC_DIMENSIONS)[number];

/**
 * Below this, a count is shown as "<5", and so are enough other cells with it that no total or difference gives
 * it away (complementary suppression): every suppressed cell reads "<5", whether small itself or hidden to
 * protect a small one.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED = '<5';

/**
 * Who reads the national figures: members of governments and civil society (not international bodies, not accounts
 * without an organisation). The server refuses everyone else; the client hides the page from them.
 */
export const CASE_STATISTICS_READER_KINDS: readonly OrganizationKind[] = ['central_government', 'local_government', 'civil_society'];
export const readsCaseStatistics = (kind: OrganizationKind | null | undefined): boolean => kind != null && CASE_STATISTICS_READER_KINDS.includes(kind);

export const CaseStatisticsQuerySchema = z.strictObject({ by: z.enum(CASE_STATISTIC_DIMENSIONS) });
export type CaseStatisticsQuery = z.infer<typeof CaseStatisticsQuerySchema>;

const suppressedCount = z.union([z.number().int(), z.literal(SUPPRESSED)]);

export const CaseStatisticsSchema = named(
  'CaseStatisticsDto',
  z.object({
    by: z.enum(CASE_STATISTIC_DIMENSIONS),
    /**
     * One cell per value of the dimension (a case counts once in each of its exploitation types; `month` is that
     * of the identification date, or of the record's creation; a null key is a case without jurisdiction).
     */
    cells: z.array(z.object({ key: z.string().nullable(), count: suppressedCount })),
    /** Every case, across the hub. */
    total: suppressedCount,
  }),
);
export type CaseStatisticsDto = z.infer<typeof CaseStatisticsSchema>;

/** `GET /api/case-statistics/export`: the same table as CSV (`<dimension>,cases`, then `total`), "<5" where suppressed. */
export const CaseStatisticsCsvSchema = named('CaseStatisticsCsv', z.string());

export const DEFAULT_REFLECTION_DAYS = 30;

/** `PUT /api/case-settings/:country`: the country's reflection period (platform admins). */
export const CountrySettingsInputSchema = z.strictObject({ reflectionDays: z.number().int().min(1).max(365) });
export type CountrySettingsInput = z.infer<typeof CountrySettingsInputSchema>;

export const CountrySettingsSchema = named('CaseCountrySettingsDto', z.object({ country: z.string(), reflectionDays: z.number().int() }));
export type CountrySettingsDto = z.infer<typeof CountrySettingsSchema>;

/** The reflection period's last day: its start plus its length, less one (a 30-day period started on the 1st ends on the 30th). */
export function reflectionEndsOn(startsOn: string, days: number): string {
  const end = new Date(`${startsOn}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * Stage templates: the standard tasks of each step of the referral mechanism, added to the case board as cards
 * when the case enters the step (the first at creation), in the language of whoever moves it there.
 */
export const STAGE_TASKS: Record<Locale, Record<CaseStage, readonly string[]>> = {
  en: {
    identified: ['Inform the person of their rights', 'Offer the reflection and recovery period', 'Cover urgent needs (safety, shelter, health)'],
    assessment: ['Assess the risks', 'Agree an individual safety plan'],
    assistance: ['Choose the services with the person', 'Refer to the chosen services'],
    inclusion: ['Plan social inclusion (housing, work, education)'],
    return: ['Assess the safety of return', 'Arrange a safe return'],
    closed: [],
  },
  es: {
    identified: ['Informar a la persona sobre sus derechos', 'Ofrecer el período de reflexión y recuperación', 'Atender necesidades urgentes (seguridad, alojamiento, salud)'],
    assessment: ['Evaluar los riesgos', 'Acordar un plan de seguridad individual'],
    assistance: ['Elegir los servicios con la persona', 'Derivar a los servicios elegidos'],
    inclusion: ['Planificar la inclusión social (vivienda, trabajo, educación)'],
    return: ['Evaluar la seguridad del retorno', 'Organizar un retorno seguro'],
    closed: [],
  },
  pt: {
    identified: ['Informar a pessoa sobre seus direitos', 'Oferecer o período de reflexão e recuperação', 'Atender necessidades urgentes (segurança, abrigo, saúde)'],
    assessment: ['Avaliar os riscos', 'Acordar um plano de segurança individual'],
    assistance: ['Escolher os serviços com a pessoa', 'Encaminhar aos serviços escolhidos'],
    inclusion: ['Planejar a inclusão social (moradia, trabalho, educação)'],
    return: ['Avaliar a segurança do retorno', 'Organizar um retorno seguro'],
    closed: [],
  },
  fr: {
    identified: ['Informer la personne de ses droits', 'Proposer le délai de réflexion et de rétablissement', 'Répondre aux besoins urgents (sécurité, hébergement, santé)'],
    assessment: ['Évaluer les risques', 'Convenir d’un plan de sécurité individuel'],
    assistance: ['Choisir les services avec la personne', 'Orienter vers les services choisis'],
    inclusion: ['Préparer l’insertion sociale (logement, travail, formation)'],
    return: ['Évaluer la sécurité du retour', 'Organiser un retour sûr'],
    closed: [],
  },
};
