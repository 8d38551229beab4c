import request from 'supertest';
import type {
  AssistanceDto,
  CaseDto,
  CaseStage,
  ConsentDto,
  CreateCaseInput,
  CreateReferralInput,
  JusticeEntryDto,
  Locale,
  RecordConsentInput,
  RecordJusticeInput,
  ReferralDto,
  RequestAssistanceInput,
} from '@enlace/shared';
import type { TestApp } from '../support/test-app.js';
import type { SignedIn } from './accounts.factory.js';

/**
 * A case and its workspace, created by `owner` through `POST /api/cases` (of a test app or an e2e server: only its URL is used),
 * in `locale` as a client showing that language asks (its stage's tasks are in it).
 */
export async function createCase(app: Pick<TestApp, 'url'>, owner: Pick<SignedIn, 'token'>, overrides: Partial<CreateCaseInput> = {}, locale: Locale = 'en'): Promise<CaseDto> {
  const response = await request(app.url)
    .post('/api/cases')
    .auth(owner.token, { type: 'bearer' })
    .set('Accept-Language', locale)
    .send({ title: 'Caso Norte', exploitationTypes: ['labour'], jurisdiction: 'Salta', ...overrides })
    .expect(201);
  return response.body;
}

/** Moves the case through `stages` in order, in `locale` (the tasks the stages add are in it); each must be legal. */
export async function walkCase(app: Pick<TestApp, 'url'>, by: Pick<SignedIn, 'token'>, start: CaseDto, stages: readonly CaseStage[], locale: Locale = 'en'): Promise<CaseDto> {
  let current = start;
  for (const to of stages) {
    const response = await request(app.url)
      .post(`/api/cases/${start.id}/transitions`)
      .auth(by.token, { type: 'bearer' })
      .set('Accept-Language', locale)
      .send({ version: current.version, to, reason: `Step to ${to}` })
      .expect(200);
    current = response.body;
  }
  return current;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function recordConsent(app: TestApp, by: SignedIn, caseId: string, overrides: Partial<RecordConsentInput> & Pick<RecordConsentInput, 'recipientOrganizationId'>): Promise<ConsentDto> {
  const response = await request(app.url)
    .post(`/api/cases/${caseId}/consents`)
    .auth(by.token, { type: 'bearer' })
    .send({ purpose: 'shelter', givenBy: 'person', givenOn: inDays(-1), validUntil: inDays(90), sharedFields: ['ageOrBirthYear'], ...overrides })
    .expect(201);
  return response.body;
}

export async function refer(app: TestApp, by: SignedIn, caseId: string, overrides: Partial<CreateReferralInput> & Pick<CreateReferralInput, 'toOrganizationId'>): Promise<ReferralDto> {
  const response = await request(app.url)
    .post(`/api/cases/${caseId}/referrals`)
    .auth(by.token, { type: 'bearer' })
    .send({ service: 'shelter', urgency: 'urgent', ...overrides })
    .expect(201);
  return response.body;
}

export { inDays };

/** A service the person asked for, recorded on the case's assistance track. */
export async function requestAssistance(app: TestApp, by: SignedIn, caseId: string, overrides: Partial<RequestAssistanceInput> = {}): Promise<AssistanceDto> {
  const response = await request(app.url)
    .post(`/api/cases/${caseId}/assistance`)
    .auth(by.token, { type: 'bearer' })
    .send({ service: 'shelter', requestedOn: '2026-03-02', ...overrides })
    .expect(201);
  return response.body;
}

/** Moves the service to `to` on `on`; the step must be legal. */
export async function stepAssistance(app: TestApp, by: SignedIn, service: AssistanceDto, to: 'given' | 'ended', on = '2026-03-05'): Promise<AssistanceDto> {
  const response = await request(app.url)
    .post(`/api/cases/${service.caseId}/assistance/${service.id}/transitions`)
    .auth(by.token, { type: 'bearer' })
    .send({ version: service.version, to, on })
    .expect(200);
  return response.body;
}

export async function recordJustice(app: TestApp, by: SignedIn, caseId: string, overrides: Partial<RecordJusticeInput> = {}): Promise<JusticeEntryDto> {
  const response = await request(app.url)
    .post(`/api/cases/${caseId}/justice`)
    .auth(by.token, { type: 'bearer' })
    .send({ step: 'complaint', on: '2026-03-03', ...overrides })
    .expect(201);
  return response.body;
}
