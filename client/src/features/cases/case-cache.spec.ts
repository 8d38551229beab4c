// Imported, not global: the client's tsconfig has no Jest types.
import { describe, expect, it } from '@jest/globals';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import type { CaseDto, CaseStateDto, ConsentDto, Page, ReferralDto } from '@enlace/shared';
import { caseKeys, referralKeys } from './api/case-keys.js';
import { putCaseState, putConsent, putReferral, reflectionDaysLeft } from './case-cache.js';

const USER = 'user-1';
const CASE = 'case-1';

const state = (fields: Partial<CaseStateDto> = {}): CaseStateDto => ({
  id: CASE,
  title: 'Caso',
  code: 'AR-2026-0001',
  country: 'AR',
  leadOrganizationId: null,
  stage: 'identified',
  exploitationTypes: [],
  jurisdiction: null,
  identifiedOn: null,
  riskLevel: 'unknown',
  consentDataSharing: false,
  consentReferral: false,
  cooperatesWithAuthorities: null,
  reflection: null,
  closedAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const consent = (fields: Partial<ConsentDto> = {}) => ({ id: 'consent-1', caseId: CASE, revokedAt: null, ...fields }) as ConsentDto;
/** Without garbage collection: its timers would keep the test process alive for minutes. */
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });

const referral = (fields: Partial<ReferralDto> = {}) => ({ id: 'referral-1', caseId: CASE, status: 'sent', version: 1, ...fields }) as ReferralDto;

describe('reflectionDaysLeft', () => {
  it('counts the last day, is 0 once the period is over, and null without a period', () => {
    const reflection = { startsOn: '2026-03-01', days: 30, endsOn: '2026-03-30' };
    expect(reflectionDaysLeft(reflection, '2026-03-01')).toBe(30);
    expect(reflectionDaysLeft(reflection, '2026-03-30')).toBe(1);
    expect(reflectionDaysLeft(reflection, '2026-04-02')).toBe(0);
    expect(reflectionDaysLeft(null, '2026-03-01')).toBeNull();
  });
});

describe('putCaseState', () => {
  it('applies a newer state to the record and to every cached list, with its allowed steps, and ignores an older one', () => {
    const queryClient = newQueryClient();
    const detail = { ...state({ version: 2 }), allowedTransitions: ['assessment', 'closed'], reflectionDaysLeft: null } as CaseDto;
    queryClient.setQueryData(caseKeys.detail(USER, CASE), detail);
    queryClient.setQueryData<InfiniteData<Page<CaseStateDto>>>(caseKeys.list(USER), { pages: [{ items: [state({ version: 2 })] }], pageParams: [undefined] });

    putCaseState(queryClient, USER, state({ version: 1, stage: 'closed' }));
    expect(queryClient.getQueryData<CaseDto>(caseKeys.detail(USER, CASE))?.stage).toBe('identified');

    putCaseState(queryClient, USER, state({ version: 3, stage: 'assessment' }));
    expect(queryClient.getQueryData<CaseDto>(caseKeys.detail(USER, CASE))).toMatchObject({ stage: 'assessment', version: 3, allowedTransitions: ['assistance', 'closed'] });
    expect(queryClient.getQueryData<InfiniteData<Page<CaseStateDto>>>(caseKeys.list(USER))?.pages[0].items[0].stage).toBe('assessment');
  });
});

describe('putConsent and putReferral', () => {
  it('never lets an earlier state replace a revoked consent or a later referral', () => {
    const queryClient = newQueryClient();
    queryClient.setQueryData<Page<ConsentDto>>(referralKeys.consents(USER, CASE), { items: [] });
    queryClient.setQueryData<Page<ReferralDto>>(referralKeys.referrals(USER, CASE), { items: [] });

    putConsent(queryClient, USER, consent({ revokedAt: '2026-01-02T00:00:00.000Z' }));
    putConsent(queryClient, USER, consent());
    expect(queryClient.getQueryData<Page<ConsentDto>>(referralKeys.consents(USER, CASE))?.items).toEqual([consent({ revokedAt: '2026-01-02T00:00:00.000Z' })]);

    putReferral(queryClient, USER, referral({ status: 'accepted', version: 2 }));
    putReferral(queryClient, USER, referral());
    expect(queryClient.getQueryData<Page<ReferralDto>>(referralKeys.referrals(USER, CASE))?.items).toEqual([referral({ status: 'accepted', version: 2 })]);
  });
});
