// npm run lighthouse — Lighthouse (mobile emulation, its default) on the login page and a signed-in home page
// of the built server, in Debian's Chromium. Targets (issue 13): performance ≥ 90, accessibility 100, best
// practices ≥ 95; the run fails below them. Uses the benchmarks' server (a real process on a fresh database).
// LIGHTHOUSE_RUNS=n measures each page n times (the median is reported); BENCH_BASELINE=DIR measures another
// checkout's built server and client too, interleaved with this one, for a before/after under the same load.
import { randomBytes } from 'node:crypto';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { reportBundle } from './bench/bundle.mjs';
import { adminToken, api, freshDatabase, startServer } from './bench/support.mjs';

const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 95 };
const PERSON = { email: 'lighthouse@ministerio.test', displayName: 'Laura Méndez', password: 'a-long-lighthouse-password' };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
const BASELINE = process.env.BENCH_BASELINE;
const PAGES = [
  ['login', '/login', false],
  ['home', '/', true],
];

reportBundle();
if (BASELINE) reportBundle(`${BASELINE}/client/dist`, 'baseline client bundle');
const database = await freshDatabase();
const jwtSecret = randomBytes(32).toString('hex');
// Both servers share the database (the baseline runs no newer migrations than this checkout's).
const servers = [['this', await startServer({ port: 4310, databaseUrl: database.url, jwtSecret })]];
if (BASELINE) servers.unshift(['baseline', await startServer({ port: 4311, databaseUrl: database.url, jwtSecret, cwd: BASELINE })]);
// The same closed-network flags as the browser tests: without the background-networking one Chromium keeps
// calling Google's hosts, which the measurement would include.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = false;
try {
  const url = servers.at(-1)[1].url;
  const admin = await adminToken(url);
  const ministry = await api(url, '/api/organizations', { method: 'POST', token: admin, body: { name: 'Ministerio de Justicia', kind: 'central_government', country: 'AR' } });
  await api(url, `/api/organizations/${ministry.id}/users`, { method: 'POST', token: admin, body: { ...PERSON, orgRole: 'org_admin' } });
  const { accessToken } = await api(url, '/api/auth/login', { method: 'POST', body: { email: PERSON.email, password: PERSON.password } });
  await api(url, '/api/workspaces', { method: 'POST', token: accessToken, body: { kind: 'case', title: 'Caso AR-2026-0101' } });

  const results = new Map();
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, path, signedIn] of PAGES) {
      for (const [label, server] of servers) {
        const result = await measure(server.url, path, signedIn);
        console.log(`${label.padEnd(8)} ${name.padEnd(6)} ${describe(result)}`);
        const key = `${label} ${name}`;
        results.set(key, [...(results.get(key) ?? []), result]);
      }
    }
  }
  if (RUNS > 1) console.log(`medians of ${RUNS} runs:`);
  for (const [key, runs] of results) {
    // Of the runs Lighthouse completed: a failed one (scored 0) says nothing about the page.
    const completed = runs.filter((run) => !run.error);
    const median = (completed.length ? completed : runs).toSorted((a, b) => a.scores.performance - b.scores.performance)[Math.floor((Math.max(completed.length, 1) - 1) / 2)];
    if (RUNS > 1) console.log(`${key.padEnd(15)} ${describe(median)} (${completed.length} of ${runs.length} runs completed)`);
    if (!key.startsWith('this ')) continue;
    for (const [category, target] of Object.entries(TARGETS)) {
      if (median.scores[category] >= target) continue;
      failed = true;
      console.log(`  ${key}: ${category} below ${target}: ${median.missed[category].join(', ')}`);
    }
  }
} finally {
  await chrome.kill();
  for (const [, server] of servers) await server.stop();
  await database.drop();
}
if (failed) process.exitCode = 1;

async function measure(url, path, signedIn) {
  // A signed-in page is reached as a returning visitor is: the refresh cookie restores the session.
  const extraHeaders = signedIn ? { Cookie: await refreshCookie(url) } : undefined;
  const { lhr } = await lighthouse(`${url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS), extraHeaders });
  const scores = Object.fromEntries(Object.keys(TARGETS).map((category) => [category, Math.round(lhr.categories[category].score * 100)]));
  const missed = Object.fromEntries(
    Object.keys(TARGETS).map((category) => [category, lhr.categories[category].auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1).map((ref) => ref.id)]),
  );
  const metrics = Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => [id, lhr.audits[id].displayValue]));
  // What went over the wire for scripts and styles, compressed as sent.
  const sent = (type) => lhr.audits['network-requests'].details.items.filter((item) => item.resourceType === type).reduce((sum, item) => sum + item.transferSize, 0);
  // A run Lighthouse could not complete, or whose metrics it could not compute, scores 0: say why.
  const error = lhr.runtimeError?.code ?? Object.keys(metrics).map((id) => lhr.audits[id].errorMessage).find(Boolean);
  return { scores, missed, metrics, error, scriptBytes: sent('Script'), styleBytes: sent('Stylesheet') };
}

function describe({ scores, metrics, error, scriptBytes, styleBytes }) {
  if (error) return `failed: ${error}`;
  return (
    `performance ${scores.performance}  accessibility ${scores.accessibility}  best practices ${scores['best-practices']}` +
    `  (FCP ${metrics['first-contentful-paint']}, LCP ${metrics['largest-contentful-paint']}, TBT ${metrics['total-blocking-time']}, CLS ${metrics['cumulative-layout-shift']};` +
    ` JS ${(scriptBytes / 1024).toFixed(0)} KB, CSS ${(styleBytes / 1024).toFixed(0)} KB sent)`
  );
}

/** A fresh refresh cookie for the person: each page load rotates it. */
async function refreshCookie(url) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: PERSON.email, password: PERSON.password }),
  });
  if (!response.ok) throw new Error(`sign-in for Lighthouse → ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}
