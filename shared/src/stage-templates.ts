import { z } from 'zod';
import { LOCALES, type Locale } from './accounts.js';
import { named } from './api-schema.js';
import { CASE_STAGES, STAGE_TASKS, type CaseStage } from './cases.js';
import { TextSchema } from './fields.js';

/**
 * An organisation's adaptation of a stage template: the standard tasks its cases (those it leads) get as cards on
 * entering a stage, per language. Without one, the defaults of `STAGE_TASKS` apply.
 */
export const StageTemplateParamsSchema = z.strictObject({ stage: z.enum(CASE_STAGES), locale: z.enum(LOCALES) });

/** `PUT /api/organizations/:id/stage-templates/:stage/:locale`: the whole list, or null to go back to the defaults. */
export const ReplaceStageTemplateSchema = z.strictObject({
  /** The version read: 0 before the organisation ever adapted it (restoring the defaults is a version too). */
  version: z.number().int().min(0),
  tasks: z.array(TextSchema.trim().min(1).max(200)).max(20).nullable(),
});
export type ReplaceStageTemplateInput = z.infer<typeof ReplaceStageTemplateSchema>;

export const StageTemplateSchema = named(
  'StageTemplateDto',
  z.object({
    organizationId: z.uuid(),
    stage: z.enum(CASE_STAGES),
    locale: z.enum(LOCALES),
    tasks: z.array(z.string()),
    /** False while the organisation uses the defaults. */
    adapted: z.boolean(),
    /** 0 before the organisation ever adapted it; a replacement carries the version it read. */
    version: z.number().int(),
  }),
);
export type StageTemplateDto = z.infer<typeof StageTemplateSchema>;

/** The tasks a case led by an organisation gets on entering `stage`: its adaptation, else the defaults. */
export const stageTasks = (adapted: readonly string[] | undefined, stage: CaseStage, locale: Locale): readonly string[] => adapted ?? STAGE_TASKS[locale][stage];

/** Payload of `organization.stage_template_set` (null tasks: back to the defaults). */
export interface StageTemplateSet {
  organizationId: string;
  stage: CaseStage;
  locale: Locale;
  tasks: string[] | null;
}

/** Payload of `organization.law_enforcement_set`. */
export interface OrganizationLawEnforcementSet {
  organizationId: string;
  lawEnforcement: boolean;
}
