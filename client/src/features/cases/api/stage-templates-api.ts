import type { CaseStage, Locale, ReplaceStageTemplateInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

export interface StageTemplateKey {
  organizationId: string;
  stage: CaseStage;
  locale: Locale;
}

const path = ({ organizationId, stage, locale }: StageTemplateKey) => ({ params: { path: { id: organizationId, stage, locale } } });

export const fetchStageTemplate = (key: StageTemplateKey, signal?: AbortSignal) =>
  data(api.GET('/api/organizations/{id}/stage-templates/{stage}/{locale}', { ...path(key), signal }));
export const replaceStageTemplate = (key: StageTemplateKey, input: ReplaceStageTemplateInput) =>
  data(api.PUT('/api/organizations/{id}/stage-templates/{stage}/{locale}', { ...path(key), body: input }));
