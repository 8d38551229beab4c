// npm run lighthouse — Lighthouse (mobile emulation, its default) on the login page and a signed-in home page
// of the built server, in Debian's Chromium. Targets (issue 13): performance ≥ 90, accessibility 100, best
// practices ≥ 95; the run fails below them. Uses the benchmarks' server (a real process on a fresh database).
import { randomBytes } from 'node:crypto';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { adminToken, api, freshDatabase, startServer } from './bench/support.mjs';

const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 95 };
const PERSON = { email: 'lighthouse@ministerio.test', displayName: 'Laura Méndez', password: 'a-long-lighthouse-password' };

const database = await freshDatabase();
const server = await startServer({ port: 4310, databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') });
// The same closed-network flags as the browser tests: without the background-networking one Chromium keeps
// calling Google's hosts, which the measurement would include.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = false;
try {
  const admin = await adminToken(server.url);
  const ministry = await api(server.url, '/api/organizations', { method: 'POST', token: admin, body: { name: 'Ministerio de Justicia', kind: 'central_government', country: 'AR' } });
  await api(server.url, `/api/organizations/${ministry.id}/users`, { method: 'POST', token: admin, body: { ...PERSON, orgRole: 'org_admin' } });
  const { accessToken } = await api(server.url, '/api/auth/login', { method: 'POST', body: { email: PERSON.email, password: PERSON.password } });
  await api(server.url, '/api/workspaces', { method: 'POST', token: accessToken, body: { kind: 'case', title: 'Caso AR-2026-0101' } });

  for (const [name, path, signedIn] of [['login', '/login', false], ['home', '/', true]]) {
    // A signed-in page is reached as a returning visitor is: the refresh cookie restores the session.
    const extraHeaders = signedIn ? { Cookie: await refreshCookie() } : undefined;
    const { lhr } = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(TARGETS),
      extraHeaders,
    });
    const scores = Object.fromEntries(Object.keys(TARGETS).map((category) => [category, Math.round(lhr.categories[category].score * 100)]));
    const metric = (id) => lhr.audits[id].displayValue;
    console.log(
      `${name.padEnd(6)} performance ${scores.performance}  accessibility ${scores.accessibility}  best practices ${scores['best-practices']}` +
        `  (FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')})`,
    );
    for (const [category, target] of Object.entries(TARGETS)) {
      if (scores[category] >= target) continue;
      failed = true;
      const missed = lhr.categories[category].auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1).map((ref) => ref.id);
      console.log(`  ${category} below ${target}: ${missed.join(', ')}`);
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
  await database.drop();
}
if (failed) process.exitCode = 1;

/** A fresh refresh cookie for the person: each page load rotates it. */
async function refreshCookie() {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: PERSON.email, password: PERSON.password }),
  });
  if (!response.ok) throw new Error(`sign-in for Lighthouse → ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}
