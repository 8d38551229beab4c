import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import {
  CASE_STAGE_TRANSITIONS,
  type AssistanceDto,
  type CaseDto,
  type CaseStateDto,
  type CaseTransitionDto,
  type ConsentDto,
  type JusticeEntryDto,
  type Page,
  type ReferralDto,
} from '@enlace/shared';
import { todayUtc } from '../agreements/use-format';
import { caseKeys, referralKeys, trackKeys } from './api/case-keys';

/**
 * The case's live events applied to the cached reads, so every viewer follows without a refetch. A payload
 * older than what is cached (by `version`) is ignored: a response may have overtaken its event.
 */

/** Days of the reflection period left today (UTC), counting its last day; 0 once over. As the server reckons it. */
export function reflectionDaysLeft(reflection: CaseStateDto['reflection'], today = todayUtc()): number | null {
  if (!reflection) return null;
  return Math.max(0, Math.round((Date.parse(reflection.endsOn) - Date.parse(today)) / 86_400_000) + 1);
}

export function putCaseState(queryClient: QueryClient, userId: string, state: CaseStateDto): void {
  queryClient.setQueryData<CaseDto>(caseKeys.detail(userId, state.id), (cached) =>
    cached && state.version >= cached.version
      ? { ...cached, ...state, allowedTransitions: [...CASE_STAGE_TRANSITIONS[state.stage]], reflectionDaysLeft: reflectionDaysLeft(state.reflection) }
      : cached,
  );
  // Every cached list holding the case (whichever stage it was filtered by) shows its new state.
  queryClient.setQueriesData<InfiniteData<Page<CaseStateDto>>>({ queryKey: [...caseKeys.all(userId), 'list'] }, (cached) =>
    cached && {
      ...cached,
      pages: cached.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === state.id && state.version >= item.version ? state : item)) })),
    },
  );
}

/** Puts `item` in a cached list page, replacing the one with its id (unless that one is newer), or at the end. */
function upsert<T extends { id: string }>(queryClient: QueryClient, key: readonly unknown[], item: T, newer: (incoming: T, cached: T) => boolean = () => true): void {
  queryClient.setQueryData<Page<T>>(key, (cached) => {
    if (!cached) return cached;
    const existing = cached.items.find((entry) => entry.id === item.id);
    if (existing && !newer(item, existing)) return cached;
    return { ...cached, items: existing ? cached.items.map((entry) => (entry === existing ? item : entry)) : [...cached.items, item] };
  });
}

export function putCaseTransition(queryClient: QueryClient, userId: string, transition: CaseTransitionDto): void {
  upsert(queryClient, caseKeys.transitions(userId, transition.caseId), transition);
}

/** A consent is recorded once and revoked once: a revoked one is never replaced by its earlier state. */
export function putConsent(queryClient: QueryClient, userId: string, consent: ConsentDto): void {
  upsert(queryClient, referralKeys.consents(userId, consent.caseId), consent, (incoming, cached) => cached.revokedAt === null || incoming.revokedAt !== null);
}

const byVersion = <T extends { version: number }>(incoming: T, cached: T) => incoming.version >= cached.version;

export function putReferral(queryClient: QueryClient, userId: string, referral: ReferralDto): void {
  upsert(queryClient, referralKeys.referrals(userId, referral.caseId), referral, byVersion);
}

export function putAssistance(queryClient: QueryClient, userId: string, service: AssistanceDto): void {
  upsert(queryClient, trackKeys.assistance(userId, service.caseId), service, byVersion);
}

export function putJustice(queryClient: QueryClient, userId: string, entry: JusticeEntryDto): void {
  upsert(queryClient, trackKeys.justice(userId, entry.caseId), entry, byVersion);
}
