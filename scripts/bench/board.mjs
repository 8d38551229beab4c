// npm run bench:board — GET /api/boards/:id for a board of 5,000 cards: p50/p95 and bytes on the wire.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { adminToken, api, freshDatabase, ms, percentile, startServer } from './support.mjs';

const CARDS = Number(process.env.BENCH_CARDS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);

const database = await freshDatabase();
const server = await startServer({ port: 4300, databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') });
try {
  const token = await adminToken(server.url);
  const { user } = await api(server.url, '/api/me', { token });
  const workspace = await api(server.url, '/api/workspaces', { method: 'POST', token, body: { kind: 'coordination', title: 'Big board' } });
  const { items } = await api(server.url, `/api/workspaces/${workspace.id}/boards`, { token });
  const boardId = items[0].id;
  const board = await api(server.url, `/api/boards/${boardId}`, { token });
  // Seeded in SQL (the API path is measured by the other benchmarks): realistic titles, spread over the columns.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `INSERT INTO cards (board_id, column_id, workspace_id, title, description, position, priority, created_by, checklist)
     SELECT $1, ($2::uuid[])[1 + i % 3], $3, 'Follow up referral ' || i || ' with the shelter and legal aid team',
            'Coordinate with the municipal office; see the agreement annex.', 'a' || lpad(i::text, 6, '0'),
            (ARRAY['low','medium','high','urgent'])[1 + i % 4], $4,
            '[{"id":"6f1c2a5e-0b7d-4a51-9d3e-2f8b1c4a7e90","text":"Call the family","done":false}]'::jsonb
       FROM generate_series(1, $5) AS i`,
    [boardId, board.columns.map((c) => c.id), workspace.id, user.id, CARDS],
  );
  await client.end();

  const timings = [];
  let plainBytes = 0;
  let wireBytes = 0;
  for (let i = 0; i < REQUESTS + 5; i += 1) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' } });
    const body = await response.text(); // fetch decompresses; content-length is not sent for compressed streams
    const elapsed = performance.now() - started;
    if (i >= 5) timings.push(elapsed); // the first requests warm up the server
    plainBytes = Buffer.byteLength(body);
    if (i === 0) {
      const raw = await rawSize(`${server.url}/api/boards/${boardId}`, token);
      wireBytes = raw.bytes;
      console.log(`content-encoding: ${raw.encoding}`);
    }
  }
  timings.sort((a, b) => a - b);
  console.log(`bench:board — GET /api/boards/:id with ${CARDS} cards, ${REQUESTS} requests, server on this machine`);
  console.log(`p50 ${ms(percentile(timings, 50))}  p95 ${ms(percentile(timings, 95))}  p99 ${ms(percentile(timings, 99))}`);
  console.log(`JSON ${(plainBytes / 1024).toFixed(0)} KB, on the wire ${(wireBytes / 1024).toFixed(0)} KB compressed`);
} finally {
  await server.stop();
  await database.drop();
}

/** The compressed size as sent, read with node:http so nothing decompresses it. */
async function rawSize(url, token) {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'none' }));
    }).on('error', reject);
  });
}
