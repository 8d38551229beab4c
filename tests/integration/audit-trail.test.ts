import { execFile } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuditCheckpointDto } from '@enlace/shared';
import { checkpointText } from '../../server/src/events/audit-signer.js';
import { eventHash } from '../../server/src/events/event-hash.js';
import { createAccount, createOrganization, signInAdmin, type SignedIn } from '../factories/accounts.factory.js';
import { addMember, createWorkspace } from '../factories/workspace.factory.js';
import { connectClient, type RecordingClient } from '../support/socket.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const VERIFIER = join(process.cwd(), 'scripts/verify-audit.mjs');

interface EventRow {
  workspace_id: string;
  seq: string;
  type: string;
  entity_type: string;
  entity_id: string;
  payload: unknown;
  actor_id: string | null;
  at: Date;
}

/**
 * What someone who controls the database can do without the signing key: edit an event, recompute every
 * later hash with the app's own function, and move the head, so the chain alone still holds.
 */
async function rewriteHistory(app: TestApp, workspaceId: string, seq: number, edit: (payload: Record<string, unknown>) => void): Promise<void> {
  const db = app.app.get(DataSource);
  const rows: EventRow[] = await db.query('SELECT * FROM workspace_events WHERE workspace_id = $1 ORDER BY seq', [workspaceId]);
  let prevHash = '';
  for (const row of rows) {
    if (Number(row.seq) === seq) edit(row.payload as Record<string, unknown>);
    const hash = eventHash(prevHash, {
      workspaceId: row.workspace_id,
      seq: Number(row.seq),
      type: row.type,
      entityType: row.entity_type,
      entityId: row.entity_id,
      payload: row.payload,
      actorId: row.actor_id,
      at: row.at.toISOString(),
    });
    await db.query('UPDATE workspace_events SET payload = $3, prev_hash = $4, hash = $5 WHERE workspace_id = $1 AND seq = $2', [
      workspaceId,
      row.seq,
      JSON.stringify(row.payload),
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  await db.query('UPDATE workspace_event_heads SET hash = $2 WHERE workspace_id = $1', [workspaceId, prevHash]);
}

/** The check `audit/verify` made before checkpoints: every stored hash recomputes from its event and the previous hash. */
async function chainHolds(app: TestApp, workspaceId: string): Promise<boolean> {
  const rows: Array<EventRow & { prev_hash: string; hash: string }> = await app.app
    .get(DataSource)
    .query('SELECT * FROM workspace_events WHERE workspace_id = $1 ORDER BY seq', [workspaceId]);
  let prevHash = '';
  for (const row of rows) {
    const stored = { workspaceId, seq: Number(row.seq), type: row.type, entityType: row.entity_type, entityId: row.entity_id, payload: row.payload, actorId: row.actor_id, at: row.at.toISOString() };
    if (row.prev_hash !== prevHash || eventHash(prevHash, stored) !== row.hash) return false;
    prevHash = row.hash;
  }
  const [head] = await app.app.get(DataSource).query('SELECT hash FROM workspace_event_heads WHERE workspace_id = $1', [workspaceId]);
  return head.hash === prevHash;
}

describe('the audit trail against someone who controls the database', () => {
  let app: TestApp;
  let owner: SignedIn;
  let observer: SignedIn;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await signInAdmin(app);
    const orgId = (await createOrganization(app, admin)).id;
    owner = await createAccount(app, admin, orgId);
    observer = await createAccount(app, admin, orgId);
    dir = mkdtempSync(join(tmpdir(), 'enlace-audit-'));
  });
  afterAll(() => app.close());

  const auth = (who: SignedIn) => ({ Authorization: `Bearer ${who.token}` });
  const patch = (workspaceId: string, body: Record<string, unknown>) =>
    request(app.url).patch(`/api/workspaces/${workspaceId}`).set(auth(owner)).send(body).expect(200);
  const checkpoint = async (workspaceId: string): Promise<AuditCheckpointDto> =>
    (await request(app.url).post(`/api/workspaces/${workspaceId}/audit/checkpoints`).set(auth(owner)).expect(201)).body;
  const verdict = async (workspaceId: string) => (await request(app.url).get(`/api/workspaces/${workspaceId}/audit/verify`).set(auth(owner)).expect(200)).body;

  /** Seq 1–3 creation, 4 the checkpoint of 3, 5–6 two edits, 7 the checkpoint of 6. */
  async function signedWorkspace(): Promise<string> {
    const { id } = await createWorkspace(app, owner);
    expect(await checkpoint(id)).toMatchObject({ workspaceId: id, seq: 3 });
    await patch(id, { version: 1, title: 'Honest title' });
    await patch(id, { version: 2, description: 'Later change' });
    expect(await checkpoint(id)).toMatchObject({ seq: 6 });
    return id;
  }

  async function publicKeyFile(): Promise<string> {
    const { body } = await request(app.url).get('/api/audit/public-key').set(auth(owner)).expect(200);
    const file = join(dir, `${body.keyId}.pem`);
    writeFileSync(file, body.publicKey);
    return file;
  }

  async function exportFile(workspaceId: string, name: string): Promise<string> {
    const response = await request(app.url).get(`/api/workspaces/${workspaceId}/audit/export`).set(auth(owner)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const file = join(dir, name);
    writeFileSync(file, response.body as string);
    return file;
  }

  async function cli(...args: string[]): Promise<{ code: number; line: string }> {
    try {
      const { stdout } = await run(process.execPath, [VERIFIER, ...args]);
      return { code: 0, line: stdout.trim() };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, line: failed.stdout.trim() };
    }
  }

  it('signs checkpoints that verify with the published public key, and lists them a page at a time', async () => {
    const id = await signedWorkspace();
    expect(await verdict(id)).toEqual({ ok: true, checked: 7, checkpoints: 2 });

    const first = await request(app.url).get(`/api/workspaces/${id}/audit/checkpoints?limit=1`).set(auth(owner)).expect(200);
    expect(first.body).toMatchObject({ items: [{ seq: 3 }], nextCursor: '3' });
    const second = await request(app.url).get(`/api/workspaces/${id}/audit/checkpoints?limit=1&cursor=3`).set(auth(owner)).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ seq: 6 })] });

    const { body: key } = await request(app.url).get('/api/audit/public-key').set(auth(owner)).expect(200);
    const signed: AuditCheckpointDto = second.body.items[0];
    expect(signed.keyId).toBe(key.keyId);
    expect(verify(null, Buffer.from(checkpointText(signed)), createPublicKey(key.publicKey), Buffer.from(signed.signature, 'base64'))).toBe(true);
    // Nothing waits unsigned but the checkpoint's own event: asking again gives the same checkpoint.
    expect(await checkpoint(id)).toEqual(signed);
    await request(app.url).get('/api/audit/public-key').expect(401);
  });

  it('catches an edited event whose later hashes were recomputed and head moved, naming the first unproven seq', async () => {
    const id = await signedWorkspace();
    await rewriteHistory(app, id, 5, (payload) => (payload.title = 'Forged title'));

    // The chain alone (all audit/verify checked before) holds: only the signed checkpoint of seq 6 tells.
    expect(await chainHolds(app, id)).toBe(true);
    const events = await request(app.url).get(`/api/workspaces/${id}/events?after=4&limit=1`).set(auth(owner)).expect(200);
    expect(events.body.items[0].payload.title).toBe('Forged title');
    expect(await verdict(id)).toEqual({ ok: false, checked: 3, firstBrokenSeq: 4, checkpoints: 1 });
  });

  it('still catches it when the checkpoint rows are deleted too: the checkpoint events carry them', async () => {
    const id = await signedWorkspace();
    await rewriteHistory(app, id, 5, (payload) => (payload.title = 'Forged title'));
    await app.app.get(DataSource).query('DELETE FROM audit_checkpoints WHERE workspace_id = $1', [id]);
    expect(await verdict(id)).toEqual({ ok: false, checked: 3, firstBrokenSeq: 4, checkpoints: 0 });
  });

  it('refuses a checkpoint row with a forged signature', async () => {
    const id = await signedWorkspace();
    await app.app.get(DataSource).query(`UPDATE audit_checkpoints SET signature = $2 WHERE workspace_id = $1 AND seq = 6`, [id, Buffer.alloc(64).toString('base64')]);
    expect(await verdict(id)).toEqual({ ok: false, checked: 3, firstBrokenSeq: 4, checkpoints: 1 });
  });

  it('verifies an untouched export from the command line, and fails a tampered one naming the seq', async () => {
    const id = await signedWorkspace();
    const key = await publicKeyFile();

    const honest = await exportFile(id, 'honest.jsonl');
    expect(await cli(honest, key)).toEqual({ code: 0, line: 'OK: 7 events, 4 checkpoint signatures verified, signed up to seq 6; events 7–7 are not covered by a checkpoint yet' });

    // Edited in the file: the chain breaks at the edited event.
    const edited = readFileSync(honest, 'utf8').replace('"title":"Honest title"', '"title":"Forged title"');
    writeFileSync(join(dir, 'edited.jsonl'), edited);
    expect(await cli(join(dir, 'edited.jsonl'), key)).toEqual({ code: 1, line: 'BROKEN at seq 5: the event does not match its hash chain' });

    // Rewritten in the database, hashes and all, then exported: the signed checkpoint of seq 6 fails.
    await rewriteHistory(app, id, 5, (payload) => (payload.title = 'Forged title'));
    const rewritten = await exportFile(id, 'rewritten.jsonl');
    expect(await cli(rewritten, key)).toMatchObject({ code: 1, line: expect.stringMatching(/^BROKEN at seq 4: the checkpoint of seq 6 .* signed another hash/) });

    // A key that is not the hub's proves nothing.
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = join(dir, 'stranger.pem');
    writeFileSync(stranger, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect(await cli(honest, stranger)).toMatchObject({ code: 1, line: expect.stringMatching(/^BROKEN at seq 1: .* signed by a key not given/) });

    // A truncated download is not a complete one.
    writeFileSync(join(dir, 'truncated.jsonl'), readFileSync(honest, 'utf8').split('\n').slice(0, -3).join('\n'));
    expect(await cli(join(dir, 'truncated.jsonl'), key)).toMatchObject({ code: 1, line: expect.stringMatching(/^BROKEN at seq 7: the export is truncated/) });
  });

  it('refuses the export to a member who may not read every payload', async () => {
    const { id } = await createWorkspace(app, owner);
    await addMember(app, owner, id, observer, 'observer');
    const refused = await request(app.url).get(`/api/workspaces/${id}/audit/export`).set(auth(observer)).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });
});

describe('checkpoints taken after commits', () => {
  const apps: TestApp[] = [];
  const clients: RecordingClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(apps.map((app) => app.close()));
  });

  async function setUp(env: Record<string, string>) {
    const app = await startTestApp(env);
    apps.push(app);
    const admin = await signInAdmin(app);
    const orgId = (await createOrganization(app, admin)).id;
    const owner = await createAccount(app, admin, orgId);
    const observer = await createAccount(app, admin, orgId);
    return { app, owner, observer };
  }

  it('publishes a checkpoint live to a subscribed member once enough events have been written', async () => {
    const { app, owner, observer } = await setUp({ AUDIT_CHECKPOINT_EVENTS: '8' });
    const { id } = await createWorkspace(app, owner); // seq 1–3
    await addMember(app, owner, id, observer, 'observer'); // seq 4–6
    const client = await connectClient(app.url, observer.token);
    clients.push(client);
    expect((await client.subscribe(id)).ok).toBe(true);
    await request(app.url).patch(`/api/workspaces/${id}`).auth(owner.token, { type: 'bearer' }).send({ version: 1, title: 'Seven' }).expect(200);
    await request(app.url).patch(`/api/workspaces/${id}`).auth(owner.token, { type: 'bearer' }).send({ version: 2, title: 'Eight' }).expect(200);

    await client.waitFor(() => client.events.some((event) => event.type === 'audit.checkpoint'), 'the checkpoint event');
    const live = client.events.find((event) => event.type === 'audit.checkpoint');
    expect(live).toMatchObject({ seq: 9, entityType: 'audit', entityId: id, actorId: null, payload: { workspaceId: id, seq: 8 } });
    const { body: list } = await request(app.url).get(`/api/workspaces/${id}/audit/checkpoints`).auth(observer.token, { type: 'bearer' }).expect(200);
    expect(list.items).toEqual([(live as { payload: AuditCheckpointDto }).payload]);
    const { body: verdict } = await request(app.url).get(`/api/workspaces/${id}/audit/verify`).auth(observer.token, { type: 'bearer' }).expect(200);
    expect(verdict).toEqual({ ok: true, checked: 9, checkpoints: 1 });
  });

  it('checkpoints a quiet workspace once its first unsigned event is old enough', async () => {
    const { app, owner } = await setUp({ AUDIT_CHECKPOINT_SECONDS: '1' });
    const { id } = await createWorkspace(app, owner);
    const client = await connectClient(app.url, owner.token);
    clients.push(client);
    await client.subscribe(id, 0);
    await client.waitFor(() => client.events.some((event) => event.type === 'audit.checkpoint'), 'the checkpoint event', 10_000);
    expect(client.events.find((event) => event.type === 'audit.checkpoint')).toMatchObject({ seq: 4, payload: { seq: 3 } });
  });
});
