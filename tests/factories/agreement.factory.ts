import request from 'supertest';
import type { AddPartyInput, AgreementDto, AgreementStatus, CommitmentDto, CreateAgreementInput, CreateCommitmentInput, CreateIndicatorInput, EvidenceFileDto, IndicatorDto, MeasurementDto, PartyDto, RecordMeasurementInput } from '@enlace/shared';
import type { TestApp } from '../support/test-app.js';
import type { SignedIn } from './accounts.factory.js';

/** An agreement and its workspace, created by `owner` through `POST /api/agreements`. */
export async function createAgreement(app: TestApp, owner: SignedIn, overrides: Partial<CreateAgreementInput> = {}): Promise<AgreementDto> {
  const response = await request(app.url)
    .post('/api/agreements')
    .auth(owner.token, { type: 'bearer' })
    .send({ title: 'Convenio marco de cooperación', kind: 'mou', ...overrides })
    .expect(201);
  return response.body;
}

export async function addParty(
  app: TestApp,
  by: SignedIn,
  agreementId: string,
  organizationId: string,
  role: AddPartyInput['role'] = 'signatory',
  extra: Partial<AddPartyInput> = {},
): Promise<PartyDto> {
  const response = await request(app.url)
    .post(`/api/agreements/${agreementId}/parties`)
    .auth(by.token, { type: 'bearer' })
    .send({ organizationId, role, ...extra })
    .expect(201);
  return response.body;
}

export async function createCommitment(
  app: TestApp,
  by: SignedIn,
  agreementId: string,
  responsibleOrganizationId: string,
  extra: Partial<CreateCommitmentInput> = {},
): Promise<CommitmentDto> {
  const response = await request(app.url)
    .post(`/api/agreements/${agreementId}/commitments`)
    .auth(by.token, { type: 'bearer' })
    .send({ text: 'Train 40 municipal officials to identify victims', responsibleOrganizationId, thematicArea: 'prevention', ...extra })
    .expect(201);
  return response.body;
}

/** Moves the agreement through `steps` in order; each must be legal. Returns the agreement after the last. */
export async function walk(app: TestApp, by: SignedIn, agreement: AgreementDto, steps: readonly AgreementStatus[]): Promise<AgreementDto> {
  let current = agreement;
  for (const to of steps) {
    const response = await request(app.url)
      .post(`/api/agreements/${agreement.id}/transitions`)
      .auth(by.token, { type: 'bearer' })
      .send({ version: current.version, to, reason: `Step to ${to}` })
      .expect(200);
    current = response.body;
  }
  return current;
}

/** An agreement ready to be signed: `signatoryOrgId` a signatory that signed, an effective date set. */
export async function signableAgreement(app: TestApp, owner: SignedIn, signatoryOrgId: string, overrides: Partial<CreateAgreementInput> = {}): Promise<AgreementDto> {
  const agreement = await createAgreement(app, owner, { effectiveFrom: '2026-01-01', ...overrides });
  await addParty(app, owner, agreement.id, signatoryOrgId, 'signatory', { signedOn: '2025-12-15' });
  return agreement;
}

/** An indicator on the commitment: from 0 to 100 shelters' places by default. */
export async function createIndicator(app: TestApp, by: SignedIn, commitmentId: string, extra: Partial<CreateIndicatorInput> = {}): Promise<IndicatorDto> {
  const response = await request(app.url)
    .post(`/api/commitments/${commitmentId}/indicators`)
    .auth(by.token, { type: 'bearer' })
    .send({ name: 'Shelter places open', unit: 'places', category: 'result', direction: 'increase', baseline: 0, target: 100, frequency: 'quarterly', ...extra })
    .expect(201);
  return response.body;
}

export async function recordMeasurement(app: TestApp, by: SignedIn, indicatorId: string, extra: Partial<RecordMeasurementInput> = {}): Promise<MeasurementDto> {
  const response = await request(app.url)
    .post(`/api/indicators/${indicatorId}/measurements`)
    .auth(by.token, { type: 'bearer' })
    .send({ periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 40, note: 'First quarter', ...extra })
    .expect(201);
  return response.body;
}

/** A small but real PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function uploadEvidence(app: TestApp, by: SignedIn, commitmentId: string, bytes: Buffer = PDF_BYTES, fileName = 'acta.pdf'): Promise<EvidenceFileDto> {
  const response = await request(app.url)
    .post(`/api/commitments/${commitmentId}/evidence`)
    .auth(by.token, { type: 'bearer' })
    .attach('file', bytes, fileName)
    .expect(201);
  return response.body;
}
