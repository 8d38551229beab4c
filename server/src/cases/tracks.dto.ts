import {
  ASSISTANCE_TRANSITIONS,
  RecordJusticeSchema,
  RequestAssistanceSchema,
  TransitionAssistanceSchema,
  UpdateAssistanceSchema,
  UpdateJusticeSchema,
  type AssistanceDto,
  type JusticeEntryDto,
} from '@enlace/shared';
import { zodDto } from '../common/validation/zod-dto.js';
import type { AssistanceRow, JusticeRow } from './tracks.repository.js';

export class RequestAssistanceDto extends zodDto('RequestAssistanceDto', RequestAssistanceSchema) {}
export class UpdateAssistanceDto extends zodDto('UpdateAssistanceDto', UpdateAssistanceSchema) {}
export class TransitionAssistanceDto extends zodDto('TransitionAssistanceDto', TransitionAssistanceSchema) {}
export class RecordJusticeDto extends zodDto('RecordJusticeDto', RecordJusticeSchema) {}
export class UpdateJusticeDto extends zodDto('UpdateJusticeDto', UpdateJusticeSchema) {}

export const mapAssistance = (row: AssistanceRow): AssistanceDto => ({
  ...row,
  allowedTransitions: [...ASSISTANCE_TRANSITIONS[row.status]],
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const mapJustice = (row: JusticeRow): JusticeEntryDto => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });
