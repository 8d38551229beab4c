#!/usr/bin/env node
// Checks a workspace's exported audit log (GET /api/workspaces/:id/audit/export) against the hub's public
// audit key(s) (GET /api/audit/public-key), without the server: recomputes the hash chain and checks every
// signed checkpoint, those listed in the export and those carried by its `audit.checkpoint` events.
//
//   node scripts/verify-audit.mjs <export-file> <public-key-file> [<older-public-key-file> …]
//
// Prints one line, `OK: …` or `BROKEN at seq N: …`, and exits 0 or 1. Self-contained on purpose (plain
// Node, no dependency, nothing from the server): the hashing and the signed text are restated below and
// must stay the same as server/src/events/event-hash.ts and audit-signer.ts.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const canonicalJson = (value) => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

const eventHash = (prevHash, e) =>
  createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ workspaceId: e.workspaceId, seq: e.seq, type: e.type, entityType: e.entityType, entityId: e.entityId, payload: e.payload, actorId: e.actorId, at: e.at }))
    .digest('hex');

const checkpointText = (c) =>
  ['enlace-audit-checkpoint/1', `workspaceId=${c.workspaceId}`, `seq=${c.seq}`, `hash=${c.hash}`, `signedAt=${c.signedAt}`, `keyId=${c.keyId}`].join('\n');

const keyIdOf = (key) => createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

class Broken extends Error {
  constructor(seq, reason) {
    super(`BROKEN at seq ${seq}: ${reason}`);
  }
}

async function check(exportFile, keyFiles) {
  const keys = new Map(keyFiles.map((file) => createPublicKey(readFileSync(file, 'utf8'))).map((key) => [keyIdOf(key), key]));
  const signatureHolds = (c) => {
    const key = keys.get(c.keyId);
    return key !== undefined && verify(null, Buffer.from(checkpointText(c)), key, Buffer.from(String(c.signature), 'base64'));
  };
  let header;
  let end;
  const listed = new Map(); // seq → checkpoint listed in the export
  let workspaceId;
  let prevHash = '';
  let seq = 0;
  let provenSeq = 0; // the last seq a checkpoint proves
  let verified = 0;
  const failCheckpoint = (c, why) => new Broken(provenSeq + 1, `the checkpoint of seq ${c.seq} (key ${c.keyId}) ${why}; events after seq ${provenSeq} cannot be trusted`);
  // A checkpoint signs the hash at its seq: check it when the chain reaches that seq.
  const checkpointAt = (c, hashAtSeq) => {
    if (c.workspaceId !== workspaceId) throw failCheckpoint(c, 'names another workspace');
    if (!signatureHolds(c)) throw failCheckpoint(c, keys.has(c.keyId) ? 'has an invalid signature' : 'is signed by a key not given');
    if (c.hash !== hashAtSeq) throw failCheckpoint(c, 'signed another hash than the log has');
    verified += 1;
    provenSeq = Math.max(provenSeq, c.seq);
  };

  const lines = createInterface({ input: createReadStream(exportFile, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim() === '') continue;
    if (end) throw new Broken(seq + 1, 'lines after the end of the export');
    const line = JSON.parse(text);
    if (!header) {
      if (line.kind !== 'export' || line.format !== 'enlace-audit-export/1') throw new Error('not an Enlace audit export (enlace-audit-export/1)');
      header = line;
      workspaceId = line.workspaceId;
    } else if (line.kind === 'checkpoint') {
      listed.set(line.seq, line);
    } else if (line.kind === 'event') {
      const { prevHash: storedPrev, hash: storedHash, ...event } = line;
      if (event.workspaceId !== workspaceId || event.seq !== seq + 1) throw new Broken(seq + 1, `expected event seq ${seq + 1}, found seq ${event.seq}`);
      const hash = eventHash(prevHash, event);
      if (storedPrev !== prevHash || storedHash !== hash) throw new Broken(event.seq, 'the event does not match its hash chain');
      // An `audit.checkpoint` event carries the checkpoint of the head just before it.
      if (event.type === 'audit.checkpoint') {
        if (event.payload?.seq !== event.seq - 1) throw failCheckpoint(event.payload ?? {}, `is carried by event ${event.seq}, not right after it`);
        checkpointAt(event.payload, prevHash);
      }
      const listedHere = listed.get(event.seq);
      if (listedHere) checkpointAt(listedHere, hash);
      listed.delete(event.seq);
      prevHash = hash;
      seq = event.seq;
    } else if (line.kind === 'end') {
      end = line;
    }
  }
  if (!header) throw new Error('empty export');
  if (!end || end.events !== seq) throw new Broken(seq + 1, 'the export is truncated (no end line, or fewer events than it announces)');
  for (const c of listed.values()) throw failCheckpoint(c, 'is beyond the last exported event');
  if (verified === 0) return `OK: ${seq} events chain, but no checkpoint covers them: nothing here is signed`;
  const tail = seq > provenSeq ? `; events ${provenSeq + 1}–${seq} are not covered by a checkpoint yet` : '';
  return `OK: ${seq} events, ${verified} checkpoint signatures verified, signed up to seq ${provenSeq}${tail}`;
}

const [exportFile, ...keyFiles] = process.argv.slice(2);
if (!exportFile || keyFiles.length === 0) {
  console.error('usage: node scripts/verify-audit.mjs <export-file> <public-key-file> [<older-public-key-file> …]');
  process.exit(1);
}
try {
  console.log(await check(exportFile, keyFiles));
} catch (error) {
  console.log(error instanceof Broken ? error.message : `BROKEN: ${error.message}`);
  process.exit(1);
}
