import type { CaseListQuery, CreateCaseInput, TransitionCaseInput, UpdateCaseInput, ViewSensitiveInput, WriteSensitiveInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

const PAGE_SIZE = 50;
const path = (id: string) => ({ params: { path: { id } } });

export const fetchCases = (stage: CaseListQuery['stage'], cursor: string | undefined, signal?: AbortSignal) =>
  data(api.GET('/api/cases', { params: { query: { stage, cursor, limit: PAGE_SIZE } }, signal }));
export const createCase = (input: CreateCaseInput) => data(api.POST('/api/cases', { body: input }));
export const fetchCase = (id: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}', { ...path(id), signal }));
export const updateCase = (id: string, input: UpdateCaseInput) => data(api.PATCH('/api/cases/{id}', { ...path(id), body: input }));
export const transitionCase = (id: string, input: TransitionCaseInput) => data(api.POST('/api/cases/{id}/transitions', { ...path(id), body: input }));
export const fetchCaseTransitions = (id: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}/transitions', { ...path(id), signal }));

/** Every call is a recorded read of the values: made only when the reader asks, with their reason. */
export const viewSensitive = (id: string, input: ViewSensitiveInput) => data(api.POST('/api/cases/{id}/sensitive/views', { ...path(id), body: input }));
export const writeSensitive = (id: string, input: WriteSensitiveInput) => data(api.PUT('/api/cases/{id}/sensitive', { ...path(id), body: input }));
export const fetchSensitiveViews = (id: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}/sensitive/views', { ...path(id), signal }));
