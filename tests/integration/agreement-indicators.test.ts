import { createHash } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { AgreementPageSchema, CommitmentDetailPageSchema, CommitmentDetailSchema, EvidenceFileSchema, IndicatorSchema, MeasurementSchema, type AgreementDto, type CommitmentDetailDto, type CommitmentDto, type OrganizationDto, type WorkspaceEvent } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addParty, createAgreement, createCommitment, createIndicator, PDF_BYTES, recordMeasurement, uploadEvidence } from '../factories/agreement.factory.js';
import { createCard, createColumn, defaultBoard } from '../factories/board.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A tiny ELF executable header, and a PE one: what a disguised "report.pdf" really is. */
const ELF_BYTES = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);
const PE_BYTES = (() => {
  const bytes = Buffer.alloc(512, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
})();
const MAX_BYTES = 64 * 1024;

/** Parses the CSV this server writes (RFC 4180 quoting, a byte-order mark first). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (char !== '\r') cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('agreement indicators, measurements, evidence, cards and export', () => {
  let app: TestApp;
  let db: pg.Client;
  let ministry: OrganizationDto;
  let province: OrganizationDto;
  let ngo: OrganizationDto;
  let stranger: OrganizationDto;
  let owner: SignedIn; // ministry
  let official: SignedIn; // province contributor
  let ngoWorker: SignedIn; // NGO contributor
  let observer: SignedIn; // NGO observer
  let outsider: SignedIn; // not a member
  let strangerMember: SignedIn; // a contributor whose organisation is not a party
  let agreement: AgreementDto;

  const api = (who: SignedIn) => ({
    get: (path: string) => request(app.url).get(path).auth(who.token, { type: 'bearer' }),
    post: (path: string, body?: object) => request(app.url).post(path).auth(who.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => request(app.url).patch(path).auth(who.token, { type: 'bearer' }).send(body),
  });
  const upload = (who: SignedIn, commitmentId: string, bytes: Buffer, name: string) =>
    request(app.url).post(`/api/commitments/${commitmentId}/evidence`).auth(who.token, { type: 'bearer' }).attach('file', bytes, name);

  async function events(workspaceId: string): Promise<WorkspaceEvent[]> {
    return (await api(owner).get(`/api/workspaces/${workspaceId}/events?after=0&limit=500`).expect(200)).body.items;
  }
  const storedFiles = async () => Number((await db.query('SELECT (SELECT count(*) FROM evidence_files) + (SELECT count(*) FROM evidence_chunks) AS n')).rows[0].n);

  beforeAll(async () => {
    app = await startTestApp({ EVIDENCE_MAX_BYTES: String(MAX_BYTES) });
    db = new pg.Client({ connectionString: app.database.url });
    await db.connect();
    const admin = await signInAdmin(app);
    ministry = await createOrganization(app, admin, { kind: 'central_government', name: 'Ministerio de Seguridad' });
    province = await createOrganization(app, admin, { kind: 'local_government', name: 'Provincia de Misiones' });
    ngo = await createOrganization(app, admin, { kind: 'civil_society', name: 'Fundación Alas' });
    stranger = await createOrganization(app, admin, { kind: 'civil_society', name: 'Otra ONG' });
    owner = await createAccount(app, admin, ministry.id);
    official = await createAccount(app, admin, province.id);
    ngoWorker = await createAccount(app, admin, ngo.id);
    observer = await createAccount(app, admin, ngo.id);
    outsider = await createAccount(app, admin, ngo.id);
    strangerMember = await createAccount(app, admin, stranger.id);
    agreement = await createAgreement(app, owner, { title: 'Convenio marco Misiones', referenceCode: 'MIS-1' });
    await addMember(app, owner, agreement.id, official, 'contributor');
    await addMember(app, owner, agreement.id, ngoWorker, 'contributor');
    await addMember(app, owner, agreement.id, observer, 'observer');
    await addMember(app, owner, agreement.id, strangerMember, 'contributor');
    await addParty(app, owner, agreement.id, ministry.id, 'signatory');
    await addParty(app, owner, agreement.id, province.id, 'implementing');
    await addParty(app, owner, agreement.id, ngo.id, 'implementing');
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  describe('indicators', () => {
    it('owners define them; a contributor may not; edits are versioned and logged', async () => {
      const commitment = await createCommitment(app, owner, agreement.id, province.id);
      const indicator = await createIndicator(app, owner, commitment.id, { meansOfVerification: 'Shelter registry' });
      expect(IndicatorSchema.safeParse(indicator).error).toBeUndefined();
      expect(indicator).toMatchObject({ commitmentId: commitment.id, category: 'result', direction: 'increase', baseline: 0, target: 100, frequency: 'quarterly', meansOfVerification: 'Shelter registry', version: 1, progressReported: 0, progressVerified: 0, measurements: [] });
      const refused = await api(official).post(`/api/commitments/${commitment.id}/indicators`, { name: 'Mine', unit: 'x', category: 'process', direction: 'increase', baseline: 0, target: 1, frequency: 'once' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      const [a, b] = await Promise.all([
        api(owner).patch(`/api/indicators/${indicator.id}`, { version: 1, target: 120 }),
        api(owner).patch(`/api/indicators/${indicator.id}`, { version: 1, unit: 'beds' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      // A decrease whose target is above the stored baseline is refused by the database's check, as a 400.
      const wrongWay = await api(owner).patch(`/api/indicators/${indicator.id}`, { version: 2, direction: 'decrease' });
      expect({ status: wrongWay.status, code: wrongWay.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      const logged = (await events(agreement.id)).filter((event) => event.entityId === indicator.id).map((event) => event.type);
      expect(logged).toEqual(['indicator.created', 'indicator.updated']);
    });
  });

  describe('measurements and verification', () => {
    let commitment: CommitmentDto;
    let indicatorId: string;

    beforeAll(async () => {
      commitment = await createCommitment(app, owner, agreement.id, province.id, { thematicArea: 'assistance' });
      indicatorId = (await createIndicator(app, owner, commitment.id)).id;
    });

    it('a contributor records on their own organisation’s commitment and gets 403 on another’s', async () => {
      const measurement = await recordMeasurement(app, official, indicatorId, { value: 25 });
      expect(MeasurementSchema.safeParse(measurement).error).toBeUndefined();
      expect(measurement).toMatchObject({ indicatorId, commitmentId: commitment.id, value: 25, status: 'reported', reportedBy: official.user.id, reportedByOrganizationId: province.id, evidence: [] });
      const ministryCommitment = await createCommitment(app, owner, agreement.id, ministry.id);
      const ministryIndicator = await createIndicator(app, owner, ministryCommitment.id);
      const refused = await api(official).post(`/api/indicators/${ministryIndicator.id}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 1 });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect((await api(observer).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 1 })).status).toBe(403);
      expect((await api(outsider).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 1 })).status).toBe(404);
    });

    it('another party verifies; the responsible party, observers and non-parties cannot; verified is final; a correction supersedes it', async () => {
      const measurement = await recordMeasurement(app, official, indicatorId, { periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 50 });
      const own = await api(official).post(`/api/measurements/${measurement.id}/review`, { version: 1, verdict: 'verified' });
      expect({ status: own.status, code: own.body.code }).toEqual({ status: 403, code: 'SELF_VERIFICATION' });
      const byObserver = await api(observer).post(`/api/measurements/${measurement.id}/review`, { version: 1, verdict: 'verified' });
      expect({ status: byObserver.status, code: byObserver.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      const byNonParty = await api(strangerMember).post(`/api/measurements/${measurement.id}/review`, { version: 1, verdict: 'verified' });
      expect({ status: byNonParty.status, code: byNonParty.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });

      const [first, second] = await Promise.all([
        api(ngoWorker).post(`/api/measurements/${measurement.id}/review`, { version: 1, verdict: 'verified' }),
        api(owner).post(`/api/measurements/${measurement.id}/review`, { version: 1, verdict: 'disputed', reason: 'Registry shows 45' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const winner = first.status === 200 ? first.body : second.body;
      expect(['verified', 'disputed']).toContain(winner.status);
      if (winner.status === 'disputed') {
        const verified = await api(ngoWorker).post(`/api/measurements/${measurement.id}/review`, { version: 2, verdict: 'verified' }).expect(200);
        expect(verified.body).toMatchObject({ status: 'verified', disputeReason: null, reviewedBy: ngoWorker.user.id });
      }
      const final = (await api(owner).get(`/api/commitments/${commitment.id}`).expect(200)).body.indicators[0].measurements.find((m: { id: string }) => m.id === measurement.id);
      expect(final).toMatchObject({ status: 'verified', value: 50 });

      const again = await api(owner).post(`/api/measurements/${measurement.id}/review`, { version: final.version, verdict: 'disputed', reason: 'Changed our mind' });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'MEASUREMENT_FINAL' });

      const correction = await recordMeasurement(app, official, indicatorId, { periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 48, note: 'Two places were counted twice', supersedesId: measurement.id });
      expect(correction).toMatchObject({ supersedesId: measurement.id, status: 'reported', value: 48 });
      const detail = (await api(owner).get(`/api/commitments/${commitment.id}`).expect(200)).body;
      const original = detail.indicators[0].measurements.find((m: { id: string }) => m.id === measurement.id);
      expect(original).toEqual({ ...final, supersededById: correction.id });
      const twice = await api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 47, supersedesId: measurement.id });
      expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'MEASUREMENT_FINAL' });
    });

    it('keeps an indicator’s latest value right when two measurements of it arrive together', async () => {
      const concurrent = await createCommitment(app, owner, agreement.id, province.id);
      const indicator = await createIndicator(app, owner, concurrent.id);
      for (let round = 0; round < 3; round++) {
        await Promise.all([
          recordMeasurement(app, official, indicator.id, { periodStart: '2026-07-01', periodEnd: `2026-09-${10 + round}`, value: 90 - round }),
          recordMeasurement(app, owner, indicator.id, { periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 30 }),
        ]);
        expect((await api(owner).get(`/api/commitments/${concurrent.id}`).expect(200)).body.progressReported).toBe((90 - round) / 100);
      }
    });

    it('shows reported and verified progress apart, in the commitment and the portfolio', async () => {
      const area = await createAgreement(app, owner, { title: 'Progress' });
      await addMember(app, owner, area.id, official, 'contributor');
      await addMember(app, owner, area.id, ngoWorker, 'contributor');
      await addParty(app, owner, area.id, province.id, 'implementing');
      await addParty(app, owner, area.id, ngo.id, 'implementing');
      const target = await createCommitment(app, owner, area.id, province.id);
      const places = await createIndicator(app, owner, target.id, { baseline: 0, target: 100 });
      const waiting = await createIndicator(app, owner, target.id, { name: 'Average wait', unit: 'days', direction: 'decrease', baseline: 30, target: 10 });
      const verified = await recordMeasurement(app, official, places.id, { periodEnd: '2026-03-31', value: 40 });
      await api(ngoWorker).post(`/api/measurements/${verified.id}/review`, { version: 1, verdict: 'verified' }).expect(200);
      await recordMeasurement(app, official, places.id, { periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 80 });
      await recordMeasurement(app, official, waiting.id, { periodEnd: '2026-03-31', value: 20 });
      // places: reported 0.8, verified 0.4; waiting: reported 0.5, verified 0 → means 0.65 and 0.2.
      const detail = await api(official).get(`/api/commitments/${target.id}`).expect(200);
      expect(CommitmentDetailSchema.safeParse(detail.body).error).toBeUndefined();
      expect(detail.body).toMatchObject({ progressReported: 0.65, progressVerified: 0.2 });
      expect(detail.body.indicators.map((i: { progressReported: number; progressVerified: number }) => [i.progressReported, i.progressVerified])).toEqual([
        [0.8, 0.4],
        [0.5, 0],
      ]);
      const listed = (await api(owner).get(`/api/agreements/${area.id}/commitments`).expect(200)).body.items[0];
      expect(listed).toMatchObject({ progressReported: 0.65, progressVerified: 0.2, cardsTotal: 0, cardsDone: 0 });
      const portfolio = await api(owner).get('/api/agreements?limit=200').expect(200);
      expect(AgreementPageSchema.safeParse(portfolio.body).error).toBeUndefined();
      const item = portfolio.body.items.find((a: AgreementDto) => a.id === area.id);
      expect(item.figures).toMatchObject({ progressReported: 0.65, progressVerified: 0.2 });
      const none = await createCommitment(app, owner, area.id, ngo.id);
      expect(none).toMatchObject({ progressReported: null, progressVerified: null });
    });
  });

  describe('evidence files', () => {
    let commitment: CommitmentDto;
    let indicatorId: string;

    beforeAll(async () => {
      commitment = await createCommitment(app, owner, agreement.id, province.id, { thematicArea: 'protection' });
      indicatorId = (await createIndicator(app, owner, commitment.id)).id;
    });

    it('stores a PDF by its content, names its SHA-256 in the measurement’s event, and serves it only to members as an attachment', async () => {
      const file = await uploadEvidence(app, official, commitment.id, PDF_BYTES, 'acta de entrega.pdf');
      expect(EvidenceFileSchema.safeParse(file).error).toBeUndefined();
      const sha256 = createHash('sha256').update(PDF_BYTES).digest('hex');
      expect(file).toMatchObject({ commitmentId: commitment.id, measurementId: null, fileName: 'acta de entrega.pdf', mediaType: 'application/pdf', size: PDF_BYTES.length, sha256, uploadedBy: official.user.id });
      const measurement = await recordMeasurement(app, official, indicatorId, { value: 10, evidenceIds: [file.id] });
      expect(measurement.evidence).toEqual([{ ...file, measurementId: measurement.id }]);
      const recorded = (await events(agreement.id)).find((event) => event.type === 'measurement.recorded' && event.entityId === measurement.id);
      expect(recorded?.payload).toMatchObject({ evidence: [{ id: file.id, sha256 }] });
      expect((await events(agreement.id)).find((event) => event.type === 'evidence.uploaded' && event.entityId === file.id)).toBeDefined();

      for (const reader of [observer, ngoWorker, owner]) {
        const download = await api(reader).get(`/api/evidence/${file.id}`).buffer(true).parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
        expect(download.status).toBe(200);
        expect(Buffer.compare(download.body as Buffer, PDF_BYTES)).toBe(0);
        expect(download.headers['content-type']).toBe('application/pdf');
        expect(download.headers['content-disposition']).toMatch(/^attachment; filename="acta de entrega.pdf"/);
        expect(download.headers['x-content-type-options']).toBe('nosniff');
      }
      // An attached file cannot be attached to another measurement.
      const reused = await api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 3, evidenceIds: [file.id] });
      expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it('refuses without access: outsiders get 404, members who may not record get 403, and nothing is stored', async () => {
      const file = await uploadEvidence(app, official, commitment.id);
      const before = await storedFiles();
      expect((await api(outsider).get(`/api/evidence/${file.id}`)).status).toBe(404);
      expect((await upload(outsider, commitment.id, PDF_BYTES, 'x.pdf')).status).toBe(404);
      const byObserver = await upload(observer, commitment.id, PDF_BYTES, 'x.pdf');
      expect({ status: byObserver.status, code: byObserver.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      const byOtherParty = await upload(ngoWorker, commitment.id, PDF_BYTES, 'x.pdf');
      expect(byOtherParty.status).toBe(403);
      expect(await storedFiles()).toBe(before);
    });

    it('refuses a file over the limit with 413 FILE_TOO_LARGE while it streams, storing nothing', async () => {
      const before = { stored: await storedFiles(), events: (await events(agreement.id)).length };
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES * 4, 0x20)]);
      const response = await upload(official, commitment.id, big, 'big.pdf');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
      expect(await storedFiles()).toBe(before.stored);
      expect((await events(agreement.id)).length).toBe(before.events);
      // Just under the limit is fine.
      await uploadEvidence(app, official, commitment.id, Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES - PDF_BYTES.length - 1, 0x20)]), 'fits.pdf');
    });

    it.each([
      { what: 'an ELF executable renamed .pdf', bytes: ELF_BYTES, name: 'informe.pdf' },
      { what: 'a PE executable renamed .pdf', bytes: PE_BYTES, name: 'informe.pdf' },
      { what: 'binary bytes renamed .csv', bytes: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]), name: 'datos.csv' },
    ])('refuses $what with 415 FILE_TYPE_NOT_ALLOWED, storing nothing', async ({ bytes, name }) => {
      const before = await storedFiles();
      const response = await upload(official, commitment.id, bytes, name);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED' });
      expect(await storedFiles()).toBe(before);
    });

    it('accepts CSV and plain text by their content', async () => {
      const csv = await uploadEvidence(app, official, commitment.id, Buffer.from('municipio,plazas\nPosadas,12\n'), 'plazas.csv');
      expect(csv.mediaType).toBe('text/csv');
      const txt = await uploadEvidence(app, official, commitment.id, Buffer.from('Acta: se habilitaron 12 plazas.\n'), 'acta.txt');
      expect(txt.mediaType).toBe('text/plain');
    });
  });

  describe('cards and commitments', () => {
    it('links a card of the same workspace, counts the ones in a "done" column, and changes no commitment status', async () => {
      const commitment = await createCommitment(app, owner, agreement.id, province.id);
      const board = await defaultBoard(app, owner, agreement.id);
      const card = await createCard(app, official, board, 'Habilitar refugio');
      const other = await createCard(app, official, board, 'Capacitar personal');
      const linked = await api(official).patch(`/api/cards/${card.id}`, { version: card.version, commitmentId: commitment.id }).expect(200);
      expect(linked.body.commitmentId).toBe(commitment.id);
      await api(official).patch(`/api/cards/${other.id}`, { version: other.version, commitmentId: commitment.id }).expect(200);

      // A commitment of another agreement, or a workspace that is no agreement, cannot be linked.
      const elsewhere = await createAgreement(app, owner);
      await addParty(app, owner, elsewhere.id, ministry.id);
      const foreign = await createCommitment(app, owner, elsewhere.id, ministry.id);
      const refused = await api(official).patch(`/api/cards/${other.id}`, { version: 2, commitmentId: foreign.id });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      const coordination = await createWorkspace(app, owner, { kind: 'coordination' });
      const coordinationCard = await createCard(app, owner, await defaultBoard(app, owner, coordination.id), 'Elsewhere');
      expect((await api(owner).patch(`/api/cards/${coordinationCard.id}`, { version: 1, commitmentId: commitment.id })).status).toBe(400);

      // Only owners and coordinators mark a column done; it is logged as column.updated.
      const doneColumn = await createColumn(app, owner, board, 'Hecho');
      expect((await api(official).patch(`/api/columns/${doneColumn.id}`, { version: 1, done: true })).status).toBe(403);
      const marked = await api(owner).patch(`/api/columns/${doneColumn.id}`, { version: 1, done: true }).expect(200);
      expect(marked.body).toMatchObject({ done: true, version: 2 });
      const columnEvent = (await events(agreement.id)).filter((event) => event.type === 'column.updated' && event.entityId === doneColumn.id).at(-1);
      expect(columnEvent?.payload).toMatchObject({ done: true });

      await api(official).post(`/api/cards/${card.id}/move`, { version: 2, columnId: doneColumn.id }).expect(200);
      const detail = await api(observer).get(`/api/commitments/${commitment.id}`).expect(200);
      expect(detail.body).toMatchObject({ status: 'not_started', version: commitment.version, cardsTotal: 2, cardsDone: 1 });
      expect(detail.body.cards).toEqual([
        { id: card.id, boardId: board.id, columnId: doneColumn.id, title: 'Habilitar refugio', done: true },
        { id: other.id, boardId: board.id, columnId: other.columnId, title: 'Capacitar personal', done: false },
      ]);
      const unlinked = await api(official).patch(`/api/cards/${other.id}`, { version: 2, commitmentId: null }).expect(200);
      expect(unlinked.body.commitmentId).toBeNull();
      expect((await api(owner).get(`/api/commitments/${commitment.id}`).expect(200)).body).toMatchObject({ cardsTotal: 1, cardsDone: 1 });
      const cardEvents = (await events(agreement.id)).filter((event) => event.type === 'card.updated' && event.entityId === other.id);
      expect(cardEvents.map((event) => event.type === 'card.updated' && event.payload.commitmentId)).toEqual([commitment.id, null]);
    });
  });

  describe('CSV export', () => {
    it('lists the caller’s commitments with the latest reported and verified measurement, translated and formula-safe', async () => {
      const viewer = await createAccount(app, await signInAdmin(app), ngo.id);
      const exported = await createAgreement(app, viewer, { title: '=HYPERLINK("http://x")', referenceCode: 'EXP-1' });
      await addMember(app, viewer, exported.id, owner, 'contributor');
      await addParty(app, viewer, exported.id, ngo.id, 'signatory');
      await addParty(app, viewer, exported.id, ministry.id, 'implementing');
      const late = await createCommitment(app, viewer, exported.id, ministry.id, { text: '+Abrir oficina', thematicArea: 'prosecution', dueOn: '2021-01-01' });
      const plain = await createCommitment(app, viewer, exported.id, ngo.id, { text: 'Capacitar, "con" comillas', thematicArea: 'prevention' });
      const indicator = await createIndicator(app, viewer, late.id, { name: '@Causas', unit: 'causas', baseline: 0, target: 10 });
      const first = await recordMeasurement(app, owner, indicator.id, { periodEnd: '2026-03-31', value: 3 });
      await api(viewer).post(`/api/measurements/${first.id}/review`, { version: 1, verdict: 'verified' }).expect(200);
      await recordMeasurement(app, owner, indicator.id, { periodStart: '2026-04-01', periodEnd: '2026-06-30', value: -5.5 });
      // Someone else's agreement the viewer is not a member of.
      await createCommitment(app, owner, agreement.id, ministry.id, { text: 'Not the viewer’s' });

      const response = await api(viewer).get('/api/agreements/export').set('Accept-Language', 'es-AR,es;q=0.9').buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="commitments-/);
      const [header, ...rows] = parseCsv(response.text);
      expect(header).toEqual([
        'Acuerdo', 'Código de referencia', 'Estado del acuerdo', 'Compromiso', 'Organización responsable', 'Área temática', 'Estado', 'Fecha límite', 'Vencido',
        'Indicador', 'Unidad', 'Línea de base', 'Meta', 'Último valor informado', 'Fin del período informado', 'Último valor verificado', 'Fin del período verificado',
      ]);
      const byCommitment = (text: string) => rows.filter((row) => row[3] === text);
      expect(byCommitment("'+Abrir oficina")).toEqual([
        ["'=HYPERLINK(\"http://x\")", 'EXP-1', 'Borrador', "'+Abrir oficina", 'Ministerio de Seguridad', 'Persecución penal', 'Sin iniciar', '2021-01-01', 'Sí', "'@Causas", 'causas', '0', '10', '-5.5', '2026-06-30', '3', '2026-03-31'],
      ]);
      expect(byCommitment('Capacitar, "con" comillas')).toEqual([
        ["'=HYPERLINK(\"http://x\")", 'EXP-1', 'Borrador', 'Capacitar, "con" comillas', 'Fundación Alas', 'Prevención', 'Sin iniciar', '', 'No', '', '', '', '', '', '', '', ''],
      ]);
      expect(rows).toHaveLength(2);
      expect(plain.id).toBeDefined();

      const english = await api(viewer).get(`/api/agreements/export?agreementId=${exported.id}&kind=mou`).buffer(true);
      expect(parseCsv(english.text)[0][0]).toBe('Agreement');
      expect(parseCsv(english.text)).toHaveLength(3);
      expect((await api(viewer).get('/api/agreements/export?kind=treaty')).status).toBe(400);
    });
  });

  describe('the Commitments tab in one request', () => {
    it('answers every commitment of the agreement in full, exactly as each one’s own route does, and none of another agreement', async () => {
      const commitment = await createCommitment(app, owner, agreement.id, ngo.id, { thematicArea: 'assistance' });
      await api(ngoWorker).post(`/api/commitments/${commitment.id}/progress`, { version: 1, note: 'Empezamos', status: 'in_progress' }).expect(201);
      const elsewhere = await createAgreement(app, owner);
      await addParty(app, owner, elsewhere.id, ministry.id);
      const foreign = await createCommitment(app, owner, elsewhere.id, ministry.id);

      const details = (await api(observer).get(`/api/agreements/${agreement.id}/commitments/details`).expect(200)).body;
      expect(CommitmentDetailPageSchema.safeParse(details).error).toBeUndefined();
      const list = (await api(observer).get(`/api/agreements/${agreement.id}/commitments`).expect(200)).body.items as CommitmentDto[];
      expect(details.items.map((item: CommitmentDto) => item.id)).toEqual(list.map((item) => item.id));
      expect(details.items.map((item: CommitmentDto) => item.id)).not.toContain(foreign.id);
      // The earlier tests left measurements (verified, disputed, corrected), evidence, cards and progress: all must match.
      expect(details.items.some((item: CommitmentDetailDto) => item.indicators.some((indicator) => indicator.measurements.some((m) => m.evidence.length > 0)))).toBe(true);
      expect(details.items.some((item: CommitmentDetailDto) => item.cards.length > 0)).toBe(true);
      for (const item of details.items as CommitmentDetailDto[]) {
        expect(item).toEqual((await api(observer).get(`/api/commitments/${item.id}`).expect(200)).body);
      }
      expect((await api(outsider).get(`/api/agreements/${agreement.id}/commitments/details`)).status).toBe(404);
    });
  });

  describe('bad input changes nothing', () => {
    let commitmentId: string;
    let indicatorId: string;
    let measurementId: string;

    beforeAll(async () => {
      commitmentId = (await createCommitment(app, owner, agreement.id, province.id)).id;
      indicatorId = (await createIndicator(app, owner, commitmentId)).id;
      measurementId = (await recordMeasurement(app, official, indicatorId)).id;
    });

    const CASES: Array<{ does: string; send: () => request.Test; status: number; code: string }> = [
      { does: 'a responsible organisation that is not a party', send: () => api(owner).post(`/api/agreements/${agreement.id}/commitments`, { text: 'X', responsibleOrganizationId: stranger.id, thematicArea: 'prevention' }), status: 400, code: 'NOT_A_PARTY' },
      { does: 'expiry before effect', send: () => api(owner).post('/api/agreements', { title: 'T', kind: 'mou', effectiveFrom: '2026-05-01', expiresOn: '2026-04-30' }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a measurement period that ends before it starts', send: () => api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-05-01', periodEnd: '2026-04-30', value: 1 }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a non-numeric measurement', send: () => api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 'twelve' }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a numeric string as measurement', send: () => api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: '12' }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'an out-of-range measurement', send: () => api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 1e13 }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'evidence of another commitment', send: () => api(official).post(`/api/indicators/${indicatorId}/measurements`, { periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 1, evidenceIds: ['00000000-0000-4000-8000-000000000009'] }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a target on the wrong side of the baseline', send: () => api(owner).post(`/api/commitments/${commitmentId}/indicators`, { name: 'N', unit: 'u', category: 'process', direction: 'increase', baseline: 10, target: 5, frequency: 'annual' }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a verification of one’s own measurement', send: () => api(official).post(`/api/measurements/${measurementId}/review`, { version: 1, verdict: 'verified' }), status: 403, code: 'SELF_VERIFICATION' },
      { does: 'a dispute without its reason', send: () => api(ngoWorker).post(`/api/measurements/${measurementId}/review`, { version: 1, verdict: 'disputed' }), status: 400, code: 'VALIDATION_FAILED' },
      { does: 'a file of the wrong type', send: () => upload(official, commitmentId, ELF_BYTES, 'informe.pdf'), status: 415, code: 'FILE_TYPE_NOT_ALLOWED' },
      {
        does: 'a truncated multipart upload',
        send: () =>
          request(app.url)
            .post(`/api/commitments/${commitmentId}/evidence`)
            .auth(official.token, { type: 'bearer' })
            .set('content-type', 'multipart/form-data; boundary=xyz')
            .send(`--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut`),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        does: 'two files in one upload',
        send: () => upload(official, commitmentId, PDF_BYTES, 'a.pdf').attach('file', PDF_BYTES, 'b.pdf'),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      { does: 'an upload without a file', send: () => api(official).post(`/api/commitments/${commitmentId}/evidence`, { file: 'not a file' }), status: 400, code: 'VALIDATION_FAILED' },
    ];

    it.each(CASES)('$does → $status $code', async ({ send, status, code }) => {
      const before = { events: await events(agreement.id), stored: await storedFiles(), detail: (await api(owner).get(`/api/commitments/${commitmentId}`).expect(200)).body };
      const portfolio = (await api(owner).get('/api/agreements?limit=200').expect(200)).body.items.length;
      const response = await send();
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(await events(agreement.id)).toEqual(before.events);
      expect(await storedFiles()).toBe(before.stored);
      expect((await api(owner).get(`/api/commitments/${commitmentId}`).expect(200)).body).toEqual(before.detail);
      expect((await api(owner).get('/api/agreements?limit=200').expect(200)).body.items).toHaveLength(portfolio);
    });
  });
});

describe('evidence on the embedded database', () => {
  const EMBEDDED_MAX_BYTES = 1024 * 1024;
  let app: TestApp;

  beforeAll(async () => {
    // No DATABASE_URL: PGlite, where evidence bytes live too, with nothing else to set up.
    app = await startTestApp({ DATABASE_URL: '', EVIDENCE_MAX_BYTES: String(EMBEDDED_MAX_BYTES) }, { url: '', drop: async () => undefined });
  });
  afterAll(() => app.close());

  it('stores a file larger than one chunk, serves it back byte for byte, and refuses an oversized one', async () => {
    const admin = await signInAdmin(app);
    const organization = await createOrganization(app, admin);
    const owner = await createAccount(app, admin, organization.id);
    const agreement = await createAgreement(app, owner);
    await addParty(app, owner, agreement.id, organization.id);
    const commitment = await createCommitment(app, owner, agreement.id, organization.id);
    // Three stored chunks of 256 KiB.
    const text = Buffer.from('línea de evidencia\n'.repeat(30_000));
    expect(text.length).toBeGreaterThan(512 * 1024);
    const file = await uploadEvidence(app, owner, commitment.id, text, 'registro.txt');
    expect(file).toMatchObject({ mediaType: 'text/plain', size: text.length, sha256: createHash('sha256').update(text).digest('hex') });
    const download = await request(app.url).get(`/api/evidence/${file.id}`).auth(owner.token, { type: 'bearer' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, text)).toBe(0);
    const tooBig = await request(app.url).post(`/api/commitments/${commitment.id}/evidence`).auth(owner.token, { type: 'bearer' }).attach('file', Buffer.concat([text, text]), 'doble.txt');
    expect({ status: tooBig.status, code: tooBig.body.code }).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
  });
});
