import type { CommitmentExportQuery, CreateIndicatorInput, RecordMeasurementInput, ReviewMeasurementInput, UpdateIndicatorInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

const path = (id: string) => ({ params: { path: { id } } });

export const createIndicator = (commitmentId: string, input: CreateIndicatorInput) =>
  data(api.POST('/api/commitments/{id}/indicators', { ...path(commitmentId), body: input }));
export const updateIndicator = (indicatorId: string, input: UpdateIndicatorInput) => data(api.PATCH('/api/indicators/{id}', { ...path(indicatorId), body: input }));
export const recordMeasurement = (indicatorId: string, input: RecordMeasurementInput) =>
  data(api.POST('/api/indicators/{id}/measurements', { ...path(indicatorId), body: input }));
export const reviewMeasurement = (measurementId: string, input: ReviewMeasurementInput) =>
  data(api.POST('/api/measurements/{id}/review', { ...path(measurementId), body: input }));

export function uploadEvidence(commitmentId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  // The document types a binary field as a string; openapi-fetch sends FormData as is, and the browser
  // writes the multipart boundary.
  return data(api.POST('/api/commitments/{id}/evidence', { ...path(commitmentId), body: form as unknown as { file: string } }));
}

/** A file the API serves as an attachment, fetched with the session's token (a plain link would carry none). */
export interface Download {
  blob: Blob;
  fileName: string;
}

const FILE_NAME = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"/i;

async function download(call: Promise<{ data?: Blob; response: Response }>, fallback: string): Promise<Download> {
  const { data: blob, response } = await call;
  const match = FILE_NAME.exec(response.headers.get('content-disposition') ?? '');
  const fileName = match ? (match[1] ? decodeURIComponent(match[1]) : match[2]) : fallback;
  return { blob: blob ?? new Blob(), fileName };
}

export const downloadEvidence = (evidenceId: string, fileName: string) =>
  download(api.GET('/api/evidence/{id}', { ...path(evidenceId), parseAs: 'blob' }), fileName);
export const exportCommitments = (query: CommitmentExportQuery) =>
  download(api.GET('/api/agreements/export', { params: { query }, parseAs: 'blob' }), 'commitments.csv');
