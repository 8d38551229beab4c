import type {
  AddPartyInput,
  CreateCommitmentInput,
  AgreementListQuery,
  CreateAgreementInput,
  CreateAmendmentInput,
  ReportProgressInput,
  TransitionAgreementInput,
  UpdateAgreementInput,
  UpdatePartyInput,
} from '@enlace/shared';
import { api, data } from '../../../api/http';

/** The portfolio's filters: the list query without its paging. */
export type PortfolioFilters = Omit<AgreementListQuery, 'limit' | 'cursor'>;

/** Keyed by user like every cached read; an agreement's id is its workspace's id. */
export const agreementKeys = {
  all: (userId: string) => ['agreements', userId] as const,
  portfolio: (userId: string, filters: PortfolioFilters) => ['agreements', userId, 'portfolio', filters] as const,
  detail: (userId: string, id: string) => ['agreements', userId, 'detail', id] as const,
  transitions: (userId: string, id: string) => ['agreements', userId, 'transitions', id] as const,
  versions: (userId: string, id: string) => ['agreements', userId, 'versions', id] as const,
  commitments: (userId: string, id: string) => ['agreements', userId, 'commitments', id] as const,
  /** Every commitment with its history, indicators and cards: the Commitments tab. */
  details: (userId: string, id: string) => ['agreements', userId, 'commitment-details', id] as const,
};

const PAGE_SIZE = 25;
const path = (id: string) => ({ params: { path: { id } } });

export const fetchPortfolio = (filters: PortfolioFilters, cursor: string | undefined, signal?: AbortSignal) =>
  data(api.GET('/api/agreements', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } }, signal }));
export const createAgreement = (input: CreateAgreementInput) => data(api.POST('/api/agreements', { body: input }));

export const fetchAgreement = (id: string, signal?: AbortSignal) => data(api.GET('/api/agreements/{id}', { ...path(id), signal }));
export const updateAgreement = (id: string, input: UpdateAgreementInput) => data(api.PATCH('/api/agreements/{id}', { ...path(id), body: input }));
export const transitionAgreement = (id: string, input: TransitionAgreementInput) =>
  data(api.POST('/api/agreements/{id}/transitions', { ...path(id), body: input }));
export const fetchTransitions = (id: string, signal?: AbortSignal) => data(api.GET('/api/agreements/{id}/transitions', { ...path(id), signal }));
export const fetchVersions = (id: string, signal?: AbortSignal) => data(api.GET('/api/agreements/{id}/amendments', { ...path(id), signal }));
export const amendAgreement = (id: string, input: CreateAmendmentInput) => data(api.POST('/api/agreements/{id}/amendments', { ...path(id), body: input }));
export const addParty = (id: string, input: AddPartyInput) => data(api.POST('/api/agreements/{id}/parties', { ...path(id), body: input }));
const partyPath = (id: string, organizationId: string) => ({ params: { path: { id, organizationId } } });
export const updateParty = (id: string, organizationId: string, input: UpdatePartyInput) =>
  data(api.PATCH('/api/agreements/{id}/parties/{organizationId}', { ...partyPath(id, organizationId), body: input }));
export const removeParty = (id: string, organizationId: string) => data(api.DELETE('/api/agreements/{id}/parties/{organizationId}', partyPath(id, organizationId)));

export const fetchCommitments = (id: string, signal?: AbortSignal) => data(api.GET('/api/agreements/{id}/commitments', { ...path(id), signal }));
export const createCommitment = (id: string, input: CreateCommitmentInput) =>
  data(api.POST('/api/agreements/{id}/commitments', { ...path(id), body: input }));
export const fetchCommitmentDetails = (id: string, signal?: AbortSignal) => data(api.GET('/api/agreements/{id}/commitments/details', { ...path(id), signal }));
export const reportProgress = (commitmentId: string, input: ReportProgressInput) =>
  data(api.POST('/api/commitments/{id}/progress', { ...path(commitmentId), body: input }));
