import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SENSITIVE_FIELDS, type OrganizationDto } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { createCase, recordConsent, recordJustice, refer, requestAssistance, stepAssistance, walkCase } from '../factories/case.factory.js';
import { addMember, invite } from '../factories/workspace.factory.js';
import { connectClient, settle } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A value no other text contains: if it turns up anywhere but the sensitive routes' answers, something leaked. */
const MARKER = 'Zq7MarkerXv';
const valueOf = (field: string) => `${MARKER}-${field}`;

/**
 * A marker written into every sensitive field, every case route exercised (and a socket client subscribed),
 * then every log line the server wrote (at trace level), every event row, every e-mail file and the audit
 * export searched for it.
 */
describe('sensitive values go nowhere but their own routes', () => {
  const lines: string[] = [];
  let app: TestApp;
  let owner: SignedIn;
  let observer: SignedIn;
  let shelterAdmin: SignedIn;
  let worker: SignedIn;
  let shelter: OrganizationDto;

  const api = (who: SignedIn) => ({
    get: (path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' }),
    post: (path: string, body?: object) => request(app.url).post(path).auth(who.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => request(app.url).patch(path).auth(who.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => request(app.url).put(path).auth(who.token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await startTestApp({ LOG_LEVEL: 'trace' }, undefined, { logDestination: logs });
    const admin = await signInAdmin(app);
    const ngo = await createOrganization(app, admin, { kind: 'civil_society' });
    shelter = await createOrganization(app, admin, { kind: 'local_government' });
    owner = await createAccount(app, admin, ngo.id);
    observer = await createAccount(app, admin, ngo.id);
    shelterAdmin = await createAccount(app, admin, shelter.id, { orgRole: 'org_admin' });
    worker = await createAccount(app, admin, shelter.id);
  });
  afterAll(() => app.close());

  it('finds the marker in no log line, event row, e-mail or export', async () => {
    const created = await createCase(app, owner, { title: 'Caso marcador' });
    const id = created.id;
    await addMember(app, owner, id, observer, 'observer');
    const socket = await connectClient(app.url, observer.token);
    await socket.subscribe(id);

    const fields = Object.fromEntries(SENSITIVE_FIELDS.map((field) => [field, valueOf(field)]));
    await api(owner).put(`/api/cases/${id}/sensitive`, { version: 1, fields }).expect(200);
    const read = await api(owner).post(`/api/cases/${id}/sensitive/views`, { reason: 'Safety plan' }).expect(200);
    expect(read.body.fields).toEqual(fields); // the marker is really stored and readable where it should be
    // Refused attempts must not echo it either.
    await api(owner).patch(`/api/cases/${id}`, { version: 1, alias: valueOf('alias') }).expect(400);
    await api(owner).post('/api/cases', { title: 'X', contact: valueOf('contact') }).expect(400);
    await api(owner).put(`/api/cases/${id}/sensitive`, { version: 1, fields: { alias: valueOf('alias') } }).expect(409);
    await api(observer).post(`/api/cases/${id}/sensitive/views`, { reason: 'Curious' }).expect(403);
    await api(observer).put(`/api/cases/${id}/sensitive`, { version: 2, fields: { contact: valueOf('contact') } }).expect(403);

    await api(owner).get(`/api/cases/${id}`).expect(200);
    await api(owner).get('/api/cases').expect(200);
    const patched = await api(owner).patch(`/api/cases/${id}`, { version: 1, riskLevel: 'high' }).expect(200);
    await walkCase(app, owner, patched.body, ['assessment', 'assistance']);
    await api(owner).get(`/api/cases/${id}/transitions`).expect(200);
    await api(owner).get(`/api/cases/${id}/sensitive/views`).expect(200);
    await recordConsent(app, owner, id, { recipientOrganizationId: shelter.id, sharedFields: [...SENSITIVE_FIELDS] });
    const referral = await refer(app, owner, id, { toOrganizationId: shelter.id });
    await api(shelterAdmin).get('/api/referrals/incoming').expect(200);
    await api(shelterAdmin).post(`/api/referrals/${referral.id}/accept`, { version: 1, userIds: [worker.user.id] }).expect(200);
    await api(owner).get(`/api/cases/${id}/referrals`).expect(200);
    await api(owner).get(`/api/cases/${id}/consents`).expect(200);
    // Both tracks, the person's own services and the justice steps (never a sensitive value; a refused attempt must not echo one).
    const service = await requestAssistance(app, worker, id, { service: 'shelter' });
    await stepAssistance(app, owner, service, 'given');
    await api(owner).post(`/api/cases/${id}/assistance`, { service: 'health', requestedOn: '2026-03-02', exactLocation: valueOf('exactLocation') }).expect(400);
    await api(observer).get(`/api/cases/${id}/assistance`).expect(200);
    await recordJustice(app, owner, id, { step: 'complaint' });
    await api(observer).get(`/api/cases/${id}/justice`).expect(200);
    await invite(app, owner, id, 'new-colleague@enlace.test', 'observer'); // an e-mail about this case
    const events = await api(owner).get(`/api/workspaces/${id}/events?after=0&limit=500`).expect(200);
    const exported = await api(owner).get(`/api/workspaces/${id}/audit/export`).expect(200);
    await settle();
    socket.close();

    const rows = await app.app.get(DataSource).query(`SELECT type, payload FROM workspace_events`);
    const outbox = join(app.config.dataDir, 'outbox');
    const mails = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8'));
    expect(mails.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes('Sensitive fields of case'))).toBe(true); // the capture sees the server's own lines
    expect(rows.some((row: { type: string }) => row.type === 'case.sensitive_changed')).toBe(true);

    const leaks = {
      logLines: lines.filter((line) => line.includes(MARKER)),
      eventRows: rows.filter((row: unknown) => JSON.stringify(row).includes(MARKER)),
      emails: mails.filter((mail) => mail.includes(MARKER)),
      eventsRoute: JSON.stringify(events.body).includes(MARKER),
      export: exported.text.includes(MARKER),
      socket: JSON.stringify(socket.events).includes(MARKER),
    };
    expect(leaks).toEqual({ logLines: [], eventRows: [], emails: [], eventsRoute: false, export: false, socket: false });
  });
});
