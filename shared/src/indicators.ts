import { z } from 'zod';
import { named, Timestamp } from './api-schema.js';
import { CalendarDateSchema, TextSchema } from './fields.js';

/**
 * Indicators of a commitment (SPEC "Agreements"), their measurements, the evidence files behind them
 * and their verification by another party. A measurement is reported by the responsible party and
 * verified or disputed by a member of another party; a verified one never changes, a correction is a
 * new measurement that supersedes it.
 */
export const INDICATOR_CATEGORIES = ['structure', 'process', 'result'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual', 'once'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

export const MEASUREMENT_STATUSES = ['reported', 'verified', 'disputed'] as const;
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];

export const REVIEW_VERDICTS = ['verified', 'disputed'] as const;

/** What the database holds (numeric(20,4)): a finite number within ±10^12. */
export const MAX_QUANTITY = 1e12;
const quantity = z.number().finite().min(-MAX_QUANTITY).max(MAX_QUANTITY);
const text = (max: number) => TextSchema.trim().max(max);

/** An indicator's target lies beyond its baseline in its direction. */
export const targetInDirection = ({ direction, baseline, target }: { direction?: IndicatorDirection; baseline?: number; target?: number }): boolean =>
  direction === undefined || baseline === undefined || target === undefined || (direction === 'increase' ? target > baseline : target < baseline);
const TARGET_IN_DIRECTION = { message: 'The target must lie beyond the baseline in the indicator’s direction', path: ['target'] };

const indicatorFields = {
  name: text(300).min(1),
  unit: text(60).min(1),
  category: z.enum(INDICATOR_CATEGORIES),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baseline: quantity,
  target: quantity,
  frequency: z.enum(REPORTING_FREQUENCIES),
  meansOfVerification: text(2_000),
};

export const CreateIndicatorSchema = z
  .strictObject({ ...indicatorFields, meansOfVerification: indicatorFields.meansOfVerification.optional() })
  .refine(targetInDirection, TARGET_IN_DIRECTION);
export type CreateIndicatorInput = z.infer<typeof CreateIndicatorSchema>;

export const UpdateIndicatorSchema = z
  .strictObject({
    version: z.number().int().min(1),
    name: indicatorFields.name.optional(),
    unit: indicatorFields.unit.optional(),
    category: indicatorFields.category.optional(),
    direction: indicatorFields.direction.optional(),
    baseline: indicatorFields.baseline.optional(),
    target: indicatorFields.target.optional(),
    frequency: indicatorFields.frequency.optional(),
    meansOfVerification: indicatorFields.meansOfVerification.optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Nothing to change' })
  .refine(targetInDirection, TARGET_IN_DIRECTION);
export type UpdateIndicatorInput = z.infer<typeof UpdateIndicatorSchema>;

/** A value for a period, with its note, the evidence already uploaded to the commitment, and the measurement it corrects. */
export const RecordMeasurementSchema = z
  .strictObject({
    periodStart: CalendarDateSchema,
    periodEnd: CalendarDateSchema,
    value: quantity,
    note: text(5_000).optional(),
    evidenceIds: z.array(z.uuid()).max(20).optional(),
    supersedesId: z.uuid().optional(),
  })
  .refine((body) => body.periodEnd >= body.periodStart, { message: 'periodEnd must not be before periodStart', path: ['periodEnd'] });
export type RecordMeasurementInput = z.infer<typeof RecordMeasurementSchema>;

/** Another party's verdict: verified, or disputed with its reason. */
export const ReviewMeasurementSchema = z
  .strictObject({
    version: z.number().int().min(1),
    verdict: z.enum(REVIEW_VERDICTS),
    reason: text(2_000).min(1).optional(),
  })
  .refine((body) => (body.verdict === 'disputed') === (body.reason !== undefined), {
    message: 'A dispute needs its reason, and only a dispute has one',
    path: ['reason'],
  });
export type ReviewMeasurementInput = z.infer<typeof ReviewMeasurementSchema>;

/** What evidence may be: detected from the content, never from the name or the declared type. */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/x-cfb',
  'text/csv',
  'text/plain',
] as const;

export const EvidenceFileSchema = named(
  'EvidenceFileDto',
  z.object({
    id: z.uuid(),
    commitmentId: z.uuid(),
    /** Null until a measurement names it. */
    measurementId: z.uuid().nullable(),
    fileName: z.string(),
    /** As detected from the content. */
    mediaType: z.string(),
    size: z.number().int(),
    /** Hex SHA-256 of the bytes: it also enters the measurement's event, and so the audit chain. */
    sha256: z.string(),
    uploadedBy: z.uuid(),
    createdAt: Timestamp,
  }),
);
export type EvidenceFileDto = z.infer<typeof EvidenceFileSchema>;

export const MeasurementSchema = named(
  'MeasurementDto',
  z.object({
    id: z.uuid(),
    indicatorId: z.uuid(),
    commitmentId: z.uuid(),
    periodStart: CalendarDateSchema,
    periodEnd: CalendarDateSchema,
    value: z.number(),
    note: z.string(),
    status: z.enum(MEASUREMENT_STATUSES),
    /** The measurement this one corrects. */
    supersedesId: z.uuid().nullable(),
    /** The correction that replaced this one; a superseded measurement counts in no progress. */
    supersededById: z.uuid().nullable(),
    reportedBy: z.uuid(),
    /** The reporter's organisation: it may not verify the measurement either. */
    reportedByOrganizationId: z.uuid().nullable(),
    reviewedBy: z.uuid().nullable(),
    reviewedByOrganizationId: z.uuid().nullable(),
    reviewedAt: Timestamp.nullable(),
    disputeReason: z.string().nullable(),
    evidence: z.array(EvidenceFileSchema),
    version: z.number().int(),
    createdAt: Timestamp,
  }),
);
export type MeasurementDto = z.infer<typeof MeasurementSchema>;

/** An indicator as its events carry it. */
export const IndicatorStateSchema = z.object({
  id: z.uuid(),
  commitmentId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  category: z.enum(INDICATOR_CATEGORIES),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baseline: z.number(),
  target: z.number(),
  frequency: z.enum(REPORTING_FREQUENCIES),
  meansOfVerification: z.string(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type IndicatorStateDto = z.infer<typeof IndicatorStateSchema>;

export const IndicatorSchema = named(
  'IndicatorDto',
  IndicatorStateSchema.extend({
    /** Share of the way from baseline to target (0–1) by the latest measurement, and by the latest verified one. */
    progressReported: z.number(),
    progressVerified: z.number(),
    /** Every measurement, newest period first, superseded ones included. */
    measurements: z.array(MeasurementSchema),
  }),
);
export type IndicatorDto = z.infer<typeof IndicatorSchema>;

export const LinkedCardSchema = named(
  'LinkedCardDto',
  z.object({
    id: z.uuid(),
    boardId: z.uuid(),
    columnId: z.uuid(),
    title: z.string(),
    /** Whether the card sits in a column its owners marked "done". */
    done: z.boolean(),
  }),
);
export type LinkedCardDto = z.infer<typeof LinkedCardSchema>;


/** `GET /api/evidence/:id`: the file's bytes, as an attachment, of its detected type. */
export const EvidenceContentSchema = named('EvidenceContent', z.string());
