import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import type { EvidenceFileDto } from '@enlace/shared';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addParty, createAgreement, createCommitment, PDF_BYTES } from '../factories/agreement.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The server's pool (server/src/common/database/data-source-options.ts), and more slow uploads than that. */
const POOL_SIZE = 20;
const UPLOADS = POOL_SIZE + 4;
/** More than one stored chunk (256 KB), so the server has read and checked a good part of each file. */
const HEAD_BYTES = 300 * 1024;

interface SlowUpload {
  /** Sends the rest of the file and the closing boundary; the server's answer. */
  finish: () => Promise<{ status: number; body: EvidenceFileDto & { code?: string } }>;
}

describe('evidence uploads hold no database connection while the bytes arrive', () => {
  let app: TestApp;
  let owner: SignedIn;
  let agreementId: string;
  let commitmentId: string;
  const spoolDir = () => join(app.config.dataDir, 'uploads');

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const ministry = await createOrganization(app, admin, { kind: 'central_government' });
    owner = await createAccount(app, admin, ministry.id);
    const agreement = await createAgreement(app, owner);
    agreementId = agreement.id;
    await addParty(app, owner, agreement.id, ministry.id);
    commitmentId = (await createCommitment(app, owner, agreement.id, ministry.id)).id;
  });
  afterAll(() => app.close());

  /** A multipart upload that sends its head and a first part of the file, then waits to be finished. */
  function slowUpload(): SlowUpload {
    const boundary = `----enlace${randomBytes(8).toString('hex')}`;
    const url = new URL(`/api/commitments/${commitmentId}/evidence`, app.url);
    const outgoing = httpRequest(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    const answer = new Promise<{ status: number; body: EvidenceFileDto & { code?: string } }>((resolve, reject) => {
      outgoing.on('error', reject);
      outgoing.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
    });
    outgoing.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    outgoing.write(Buffer.concat([PDF_BYTES, Buffer.alloc(HEAD_BYTES, 0x20)]));
    return {
      finish: () => {
        outgoing.end(Buffer.concat([Buffer.alloc(HEAD_BYTES, 0x20), Buffer.from(`\r\n--${boundary}--\r\n`)]));
        return answer;
      },
    };
  }

  /** Until every slow upload is being read (its first bytes spooled): polled, never timed. */
  async function uploadsInProgress(count: number): Promise<void> {
    for (;;) {
      const spooled = existsSync(spoolDir()) ? readdirSync(spoolDir()).filter((name) => statSync(join(spoolDir(), name)).size > 0) : [];
      if (spooled.length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it(`${UPLOADS} uploads from slow clients, more than the pool’s ${POOL_SIZE} connections, leave other requests served; then all are stored`, async () => {
    const uploads = Array.from({ length: UPLOADS }, slowUpload);
    await uploadsInProgress(UPLOADS);

    // Each of these needs a pool connection while every upload is still waiting for its last bytes.
    const agreement = await request(app.url).get(`/api/agreements/${agreementId}`).auth(owner.token, { type: 'bearer' });
    expect(agreement.status).toBe(200);
    const progress = await request(app.url).post(`/api/commitments/${commitmentId}/progress`).auth(owner.token, { type: 'bearer' }).send({ version: 1, note: 'Still uploading' });
    expect(progress.status).toBe(201);

    const answers = await Promise.all(uploads.map((upload) => upload.finish()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(UPLOADS).fill(201));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(UPLOADS);
    expect(answers.every((answer) => answer.body.size === PDF_BYTES.length + 2 * HEAD_BYTES && answer.body.mediaType === 'application/pdf')).toBe(true);
    // Nothing is left behind in the spool.
    expect(readdirSync(spoolDir())).toEqual([]);
  });

  it('leaves nothing in the spool when an upload is refused', async () => {
    const refused = await request(app.url)
      .post(`/api/commitments/${commitmentId}/evidence`)
      .auth(owner.token, { type: 'bearer' })
      .attach('file', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64, 0)]), 'informe.pdf');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(readdirSync(spoolDir())).toEqual([]);
  });
});
