// npm run bench:portfolio — the agreements portfolio at scale: 500 agreements × 20 commitments × 4
// measurements (one indicator per commitment). p95 of GET /api/agreements (a page of 50, with figures and
// reported/verified progress), and of one agreement with its commitments (both requests, in parallel), also
// as the Commitments tab reads them (each with its history, indicators and measurements).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { adminToken, api, freshDatabase, ms, percentile, startServer } from './support.mjs';

const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 500);
const COMMITMENTS = Number(process.env.BENCH_COMMITMENTS ?? 20);
const MEASUREMENTS = Number(process.env.BENCH_MEASUREMENTS ?? 4);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const BUDGET_MS = 100;

const database = await freshDatabase();
const server = await startServer({ port: 4310, databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') });
try {
  const token = await adminToken(server.url);
  const { user } = await api(server.url, '/api/me', { token });
  const ministry = await api(server.url, '/api/organizations', { method: 'POST', token, body: { name: 'Ministerio', kind: 'central_government', country: 'AR' } });
  const province = await api(server.url, '/api/organizations', { method: 'POST', token, body: { name: 'Provincia', kind: 'local_government', country: 'AR' } });
  // Seeded in SQL (the write paths are tested elsewhere); the caller is owner of every agreement.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const started = performance.now();
  await client.query('BEGIN');
  await client.query(
    `WITH w AS (
       INSERT INTO workspaces (kind, title, lead_organization_id, created_by, updated_at)
       SELECT 'agreement', 'Convenio marco ' || i, $1, $2, now() - i * interval '1 minute' FROM generate_series(1, $3) AS i RETURNING id, updated_at
     ), m AS (
       INSERT INTO workspace_members (workspace_id, user_id, role) SELECT id, $2, 'owner' FROM w
     )
     INSERT INTO agreements (workspace_id, lead_organization_id, kind, status, thematic_areas, countries, effective_from, expires_on, next_review_on, updated_at)
     SELECT id, $1, 'mou', 'in_force', '{prevention,protection}', '{AR}', date '2026-01-01', date '2028-12-31', date '2027-06-30', updated_at FROM w`,
    [ministry.id, user.id, AGREEMENTS],
  );
  await client.query(
    `INSERT INTO agreement_parties (agreement_id, organization_id, role) SELECT workspace_id, o, 'signatory' FROM agreements, unnest($1::uuid[]) AS o`,
    [[ministry.id, province.id]],
  );
  await client.query(
    `INSERT INTO commitments (agreement_id, text, responsible_organization_id, thematic_area, due_on, status, created_by)
     SELECT a.workspace_id, 'Commitment ' || i || ': train officials and open shelter places', CASE WHEN i % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
            (ARRAY['prevention','protection','assistance','restoration_of_rights','prosecution','cooperation'])[1 + i % 6],
            date '2026-01-01' + i * 30, (ARRAY['not_started','in_progress','done','in_progress'])[1 + i % 4], $3
       FROM agreements a, generate_series(1, $4) AS i`,
    [ministry.id, province.id, user.id, COMMITMENTS],
  );
  await client.query(
    `INSERT INTO indicators (commitment_id, name, unit, category, direction, baseline, target, frequency, created_by)
     SELECT id, 'Officials trained', 'people', 'process', 'increase', 0, 100, 'quarterly', $1 FROM commitments`,
    [user.id],
  );
  await client.query(
    `INSERT INTO measurements (indicator_id, period_start, period_end, value, status, reported_by, reviewed_by, reviewed_at)
     SELECT i.id, date '2026-01-01' + (q - 1) * 90, date '2026-01-01' + q * 90 - 1, q * 20,
            CASE WHEN q <= 2 THEN 'verified' ELSE 'reported' END, $1, CASE WHEN q <= 2 THEN $1::uuid END, CASE WHEN q <= 2 THEN now() END
       FROM indicators i, generate_series(1, $2) AS q`,
    [user.id, MEASUREMENTS],
  );
  // What the service keeps on each indicator as measurements are recorded and reviewed.
  await client.query(
    `UPDATE indicators i SET reported_value = r.value, reported_period_end = r.period_end, verified_value = v.value, verified_period_end = v.period_end
       FROM indicators x
       CROSS JOIN LATERAL (SELECT value, period_end FROM measurements m WHERE m.indicator_id = x.id ORDER BY period_end DESC LIMIT 1) r
       LEFT JOIN LATERAL (SELECT value, period_end FROM measurements m WHERE m.indicator_id = x.id AND status = 'verified' ORDER BY period_end DESC LIMIT 1) v ON true
      WHERE i.id = x.id`,
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
  const counts = (await client.query('SELECT (SELECT count(*) FROM agreements) a, (SELECT count(*) FROM commitments) c, (SELECT count(*) FROM measurements) m')).rows[0];
  await client.end();
  console.log(`seeded ${counts.a} agreements, ${counts.c} commitments, ${counts.m} measurements in ${ms(performance.now() - started)}`);

  const get = (path) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(async (response) => {
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  });
  const first = await get('/api/agreements');
  const ids = first.items.map((item) => item.id);
  const cursors = [first.nextCursor];
  while (cursors.length < 4) cursors.push((await get(`/api/agreements?cursor=${cursors.at(-1)}`)).nextCursor);
  const measure = async (label, run) => {
    const timings = [];
    for (let i = 0; i < REQUESTS + 5; i += 1) {
      const begun = performance.now();
      await run(i);
      if (i >= 5) timings.push(performance.now() - begun); // the first requests warm up the server
    }
    timings.sort((a, b) => a - b);
    const p95 = percentile(timings, 95);
    console.log(`${label.padEnd(52)} p50 ${ms(percentile(timings, 50))}  p95 ${ms(p95)}  ${p95 <= BUDGET_MS ? 'ok' : `OVER ${BUDGET_MS} ms`}`);
  };
  console.log(`bench:portfolio — ${AGREEMENTS} agreements × ${COMMITMENTS} commitments × ${MEASUREMENTS} measurements, ${REQUESTS} requests each`);
  await measure('GET /api/agreements (first page of 50)', () => get('/api/agreements'));
  await measure('GET /api/agreements?cursor=… (pages 2 to 5)', (i) => get(`/api/agreements?cursor=${cursors[i % cursors.length]}`));
  await measure('GET /api/agreements?area=protection&status=in_force', () => get('/api/agreements?area=protection&status=in_force'));
  await measure('one agreement + its 20 commitments (in parallel)', (i) => Promise.all([get(`/api/agreements/${ids[i % ids.length]}`), get(`/api/agreements/${ids[i % ids.length]}/commitments`)]));
  // What the Commitments tab loads: every commitment with its history, indicators and measurements, in one request.
  await measure('one agreement + its commitments in detail (the tab)', (i) =>
    Promise.all([get(`/api/agreements/${ids[i % ids.length]}`), get(`/api/agreements/${ids[i % ids.length]}/commitments/details`)]),
  );
} finally {
  await server.stop();
  await database.drop();
}
