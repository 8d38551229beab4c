import type {
  AcceptReferralInput,
  CompleteReferralInput,
  CreateReferralInput,
  DeclineReferralInput,
  IncomingReferralQuery,
  RecordConsentInput,
  RevokeConsentInput,
} from '@enlace/shared';
import { api, data } from '../../../api/http';

const path = (id: string) => ({ params: { path: { id } } });

export const fetchConsents = (caseId: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}/consents', { ...path(caseId), signal }));
export const recordConsent = (caseId: string, input: RecordConsentInput) => data(api.POST('/api/cases/{id}/consents', { ...path(caseId), body: input }));
export const revokeConsent = (caseId: string, consentId: string, input: RevokeConsentInput) =>
  data(api.POST('/api/cases/{id}/consents/{consentId}/revoke', { params: { path: { id: caseId, consentId } }, body: input }));

export const fetchReferrals = (caseId: string, signal?: AbortSignal) => data(api.GET('/api/cases/{id}/referrals', { ...path(caseId), signal }));
export const createReferral = (caseId: string, input: CreateReferralInput) => data(api.POST('/api/cases/{id}/referrals', { ...path(caseId), body: input }));

export const fetchIncoming = (query: IncomingReferralQuery, signal?: AbortSignal) => data(api.GET('/api/referrals/incoming', { params: { query }, signal }));
export const acceptReferral = (id: string, input: AcceptReferralInput) => data(api.POST('/api/referrals/{id}/accept', { ...path(id), body: input }));
export const declineReferral = (id: string, input: DeclineReferralInput) => data(api.POST('/api/referrals/{id}/decline', { ...path(id), body: input }));
export const completeReferral = (id: string, input: CompleteReferralInput) => data(api.POST('/api/referrals/{id}/complete', { ...path(id), body: input }));
