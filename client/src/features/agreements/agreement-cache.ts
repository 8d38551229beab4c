import type { QueryClient } from '@tanstack/react-query';
import {
  AGREEMENT_TRANSITIONS,
  isOverdue,
  type AgreementDto,
  type AgreementStateDto,
  type CommitmentDetailDto,
  type CommitmentDto,
  type CommitmentStateDto,
  type IndicatorStateDto,
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

/** A commitment's new state in the list and in the tab's details (a new one with no history, indicators or cards yet). */
export function putCommitment(queryClient: QueryClient, userId: string, agreementId: string, state: CommitmentStateDto): void {
  const commitment = { ...state, overdue: isOverdue(state, todayUtc()) };
  const fresh = { progressReported: null, progressVerified: null, cardsTotal: 0, cardsDone: 0 };
  mergeItem<CommitmentDto>(queryClient, agreementKeys.commitments(userId, agreementId), commitment, (existing) => ({ ...existing, ...commitment }), () => ({ ...commitment, ...fresh }));
  mergeItem<CommitmentDetailDto>(queryClient, agreementKeys.details(userId, agreementId), commitment, (existing) => ({ ...existing, ...commitment }), () => ({
    ...commitment,
    ...fresh,
    progress: [],
    indicators: [],
    cards: [],
  }));
}

/** A newer state of an item of a cached page merged in, or a new item appended; an older one is ignored. */
function mergeItem<T extends { id: string; version: number }>(queryClient: QueryClient, key: readonly unknown[], state: { id: string; version: number }, merge: (existing: T) => T, create: () => T): void {
  queryClient.setQueryData<Page<T>>(key, (cached) => {
    if (!cached) return cached;
    const existing = cached.items.find((item) => item.id === state.id);
    if (existing && !newer(state, existing)) return cached;
    return { ...cached, items: existing ? cached.items.map((item) => (item === existing ? merge(existing) : item)) : [...cached.items, create()] };
  });
}

/** A commitment as the server answered it in full (after a progress report). */
export function putCommitmentDetail(queryClient: QueryClient, userId: string, detail: CommitmentDetailDto): void {
  mergeItem<CommitmentDetailDto>(queryClient, agreementKeys.details(userId, detail.agreementId), detail, () => detail, () => detail);
}

export function putProgress(queryClient: QueryClient, userId: string, agreementId: string, progress: ProgressUpdateDto): void {
  queryClient.setQueryData<Page<CommitmentDetailDto>>(agreementKeys.details(userId, agreementId), (cached) =>
    cached && {
      ...cached,
      items: cached.items.map((item) => (item.id === progress.commitmentId && !item.progress.some((known) => known.id === progress.id) ? { ...item, progress: [...item.progress, progress] } : item)),
    },
  );
}

/** An indicator's definition as the server holds it (a 409's `current`), in the tab's details; its measurements stay. */
export function putIndicatorState(queryClient: QueryClient, userId: string, agreementId: string, state: IndicatorStateDto): void {
  queryClient.setQueryData<Page<CommitmentDetailDto>>(agreementKeys.details(userId, agreementId), (cached) =>
    cached && {
      ...cached,
      items: cached.items.map((item) =>
        item.id === state.commitmentId ? { ...item, indicators: item.indicators.map((indicator) => (indicator.id === state.id && newer(state, indicator) ? { ...indicator, ...state } : indicator)) } : item,
      ),
    },
  );
}
