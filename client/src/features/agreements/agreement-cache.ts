import type { QueryClient } from '@tanstack/react-query';
import {
  AGREEMENT_TRANSITIONS,
  isOverdue,
  type AgreementDto,
  type AgreementStateDto,
  type CommitmentDetailDto,
  type CommitmentDto,
  type CommitmentStateDto,
  type Page,
  type PartyDto,
  type ProgressUpdateDto,
  type TermsVersionDto,
  type TransitionDto,
} from '@enlace/shared';
import { agreementKeys } from './api/agreements-api';
import { todayUtc } from './use-format';

/**
 * The agreement's live events applied to the cached reads, so every open tab follows without a refetch.
 * A payload older than what is cached (by `version`) is ignored: a response may have overtaken its event.
 */

const newer = (incoming: { version: number }, cached: { version: number }) => incoming.version >= cached.version;

export function putAgreementState(queryClient: QueryClient, userId: string, state: AgreementStateDto): void {
  queryClient.setQueryData<AgreementDto>(agreementKeys.detail(userId, state.id), (cached) =>
    cached && newer(state, cached) ? { ...cached, ...state, allowedTransitions: [...AGREEMENT_TRANSITIONS[state.status]] } : cached,
  );
}

export function putParty(queryClient: QueryClient, userId: string, party: PartyDto): void {
  queryClient.setQueryData<AgreementDto>(agreementKeys.detail(userId, party.agreementId), (cached) => {
    if (!cached) return cached;
    const existing = cached.parties.find((item) => item.organizationId === party.organizationId);
    if (existing && !newer(party, existing)) return cached;
    const parties = existing ? cached.parties.map((item) => (item === existing ? party : item)) : [...cached.parties, party];
    return { ...cached, parties };
  });
}

export function dropParty(queryClient: QueryClient, userId: string, agreementId: string, organizationId: string): void {
  queryClient.setQueryData<AgreementDto>(agreementKeys.detail(userId, agreementId), (cached) =>
    cached && { ...cached, parties: cached.parties.filter((party) => party.organizationId !== organizationId) },
  );
}

/** Appends an item to a cached list page unless it is there already (the response may have added it). */
function appendOnce<T>(queryClient: QueryClient, key: readonly unknown[], item: T, same: (a: T, b: T) => boolean): void {
  queryClient.setQueryData<Page<T>>(key, (cached) => (cached && !cached.items.some((existing) => same(existing, item)) ? { ...cached, items: [...cached.items, item] } : cached));
}

export function putTransition(queryClient: QueryClient, userId: string, transition: TransitionDto): void {
  appendOnce(queryClient, agreementKeys.transitions(userId, transition.agreementId), transition, (a, b) => a.id === b.id);
}

export function putVersion(queryClient: QueryClient, userId: string, version: TermsVersionDto): void {
  appendOnce(queryClient, agreementKeys.versions(userId, version.agreementId), version, (a, b) => a.number === b.number);
}

export function putCommitment(queryClient: QueryClient, userId: string, agreementId: string, state: CommitmentStateDto): void {
  const commitment = { ...state, overdue: isOverdue(state, todayUtc()) };
  queryClient.setQueryData<Page<CommitmentDto>>(agreementKeys.commitments(userId, agreementId), (cached) => {
    if (!cached) return cached;
    const existing = cached.items.find((item) => item.id === state.id);
    if (existing && !newer(state, existing)) return cached;
    const items = existing
      ? cached.items.map((item) => (item === existing ? { ...existing, ...commitment } : item))
      : // A new commitment has no indicators and no linked cards yet.
        [...cached.items, { ...commitment, progressReported: null, progressVerified: null, cardsTotal: 0, cardsDone: 0 }];
    return { ...cached, items };
  });
  queryClient.setQueryData<CommitmentDetailDto>(agreementKeys.commitment(userId, state.id), (cached) =>
    cached && newer(state, cached) ? { ...cached, ...commitment } : cached,
  );
}

export function putProgress(queryClient: QueryClient, userId: string, progress: ProgressUpdateDto): void {
  queryClient.setQueryData<CommitmentDetailDto>(agreementKeys.commitment(userId, progress.commitmentId), (cached) =>
    cached && !cached.progress.some((item) => item.id === progress.id) ? { ...cached, progress: [...cached.progress, progress] } : cached,
  );
}
