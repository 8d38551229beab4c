/** Apart from the requests, so that the cache logic (case-cache.ts) loads, and is tested, without the HTTP client. */
import type { CaseListQuery } from '@enlace/shared';

/** Keyed by user like every cached read; a case's id is its workspace's id. */
export const caseKeys = {
  all: (userId: string) => ['cases', userId] as const,
  list: (userId: string, stage?: CaseListQuery['stage']) => ['cases', userId, 'list', stage ?? 'all'] as const,
  detail: (userId: string, id: string) => ['cases', userId, 'detail', id] as const,
  transitions: (userId: string, id: string) => ['cases', userId, 'transitions', id] as const,
  sensitiveViews: (userId: string, id: string) => ['cases', userId, 'sensitive-views', id] as const,
  /** The latest version of the sensitive fields this client heard of (never their values): shown values older than it are stale. */
  sensitiveVersion: (userId: string, id: string) => ['cases', userId, 'sensitive-version', id] as const,
};

/** A case's consents and referrals (its members'), and the organisation's inbox (its admins'). */
export const referralKeys = {
  consents: (userId: string, caseId: string) => ['cases', userId, 'consents', caseId] as const,
  referrals: (userId: string, caseId: string) => ['cases', userId, 'referrals', caseId] as const,
  incoming: (userId: string) => ['referral-inbox', userId] as const,
};

/** A case's assistance and criminal-justice tracks. */
export const trackKeys = {
  assistance: (userId: string, caseId: string) => ['cases', userId, 'assistance', caseId] as const,
  justice: (userId: string, caseId: string) => ['cases', userId, 'justice', caseId] as const,
};

/** The stage templates of the admin's organisation, per stage and language. */
export const stageTemplateKeys = {
  one: (userId: string, organizationId: string, stage: string, locale: string) => ['stage-templates', userId, organizationId, stage, locale] as const,
};
