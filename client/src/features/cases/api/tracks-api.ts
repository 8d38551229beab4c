import type { RecordJusticeInput, RequestAssistanceInput, TransitionAssistanceInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

// A case's two tracks: its assistance services and its criminal-justice entries.

const path = (id: string) => ({ params: { path: { id } } });

export const fetchAssistance = (caseId: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}/assistance', { ...path(caseId), signal }));
export const requestAssistance = (caseId: string, input: RequestAssistanceInput) => data(api.POST('/api/cases/{id}/assistance', { ...path(caseId), body: input }));
export const stepAssistance = (caseId: string, serviceId: string, input: TransitionAssistanceInput) =>
  data(api.POST('/api/cases/{id}/assistance/{serviceId}/transitions', { params: { path: { id: caseId, serviceId } }, body: input }));

export const fetchJustice = (caseId: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}/justice', { ...path(caseId), signal }));
export const recordJustice = (caseId: string, input: RecordJusticeInput) => data(api.POST('/api/cases/{id}/justice', { ...path(caseId), body: input }));
