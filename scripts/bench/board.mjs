// npm run bench:board — for a board of 5,000 cards: GET /api/boards/:id (p50/p95, bytes on the wire), the time
// Chromium takes to show its first cards, and the size of the client bundle.
import pg from 'pg';
import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { reportBundle } from './bundle.mjs';
import { adminToken, api, freshDatabase, ms, percentile, startServer } from './support.mjs';

const CARDS = Number(process.env.BENCH_CARDS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
/** Page loads timed in the browser, after a first (cold) one. */
const PAGE_LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MEMBER = { email: 'bench-member@enlace.test', password: 'bench-member-password', displayName: 'Bench Member' };

const database = await freshDatabase();
const server = await startServer({ port: 4300, databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') });
try {
  // A member of an organisation (the platform admin's second factor would get in the way of a browser sign-in).
  const admin = await adminToken(server.url);
  const organization = await api(server.url, '/api/organizations', { method: 'POST', token: admin, body: { name: 'Ministerio de Justicia', kind: 'central_government', country: 'AR' } });
  await api(server.url, `/api/organizations/${organization.id}/users`, { method: 'POST', token: admin, body: { ...MEMBER, orgRole: 'member' } });
  const { accessToken: token } = await api(server.url, '/api/auth/login', { method: 'POST', body: { email: MEMBER.email, password: MEMBER.password } });
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

  const loads = await timeToVisibleCards(server.url, `/workspaces/${workspace.id}`);
  const warm = loads.slice(1);
  const sorted = (values) => values.sort((a, b) => a - b);
  const shown = sorted(warm.map((load) => load.shown));
  const afterJson = sorted(warm.map((load) => load.shown - load.fetched));
  console.log(`bench:board — Chromium, ${CARDS} cards: navigation start to the first cards shown, ${warm.length} loads after a cold one`);
  console.log(`cold ${ms(loads[0].shown)}  p50 ${ms(percentile(shown, 50))}  max ${ms(shown[shown.length - 1])}; of which after the board's JSON arrived: p50 ${ms(percentile(afterJson, 50))}`);
  reportBundle(undefined, 'bench:board — client bundle');
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

/**
 * Signs the member in through the login page, then loads the board page again and again: each load is timed
 * in the page, from its navigation start (performance.now() = 0) to the first frame with a card in it.
 */
async function timeToVisibleCards(url, path) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await (await browser.newContext({ baseURL: url, locale: 'en-US', viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail', { exact: true }).fill(MEMBER.email);
    await page.getByLabel('Password', { exact: true }).fill(MEMBER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: /^Account menu:/ }).waitFor();
    const loads = [];
    for (let i = 0; i <= PAGE_LOADS; i += 1) {
      await page.goto(path, { waitUntil: 'commit' });
      const shown = await page.waitForFunction(() => document.querySelector('.board-card') !== null && performance.now(), null, { polling: 'raf', timeout: 30_000 });
      // When the board's JSON had arrived: what is left after it is the client's own work (parse, render, paint).
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').find((entry) => /\/api\/boards\/[^/]+$/.test(entry.name))?.responseEnd ?? NaN);
      loads.push({ shown: await shown.jsonValue(), fetched });
    }
    return loads;
  } finally {
    await browser.close();
  }
}
