import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PARTNER = 'https://partner.example';
const STRANGER = 'https://stranger.example';

describe('CORS', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CORS_ORIGIN: PARTNER });
  });
  afterAll(() => app.close());

  it('allows a configured origin, with credentials', async () => {
    const response = await request(app.url).get('/api/health').set('Origin', PARTNER).expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
  });

  it('sends no CORS headers, credentials least of all, to any other origin', async () => {
    const response = await request(app.url).get('/api/health').set('Origin', STRANGER).expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers no preflight for another origin', async () => {
    const response = await request(app.url).options('/api/auth/login').set('Origin', STRANGER).set('Access-Control-Request-Method', 'POST');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('HSTS', () => {
  it('is not sent over plain HTTP outside production', async () => {
    const app = await startTestApp();
    try {
      const response = await request(app.url).get('/api/health').expect(200);
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await app.close();
    }
  });

  it('is sent in production (served behind an HTTPS load balancer)', async () => {
    const app = await startTestApp({ NODE_ENV: 'production' });
    try {
      const response = await request(app.url).get('/api/health').expect(200);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await app.close();
    }
  });
});

describe('the built client', () => {
  const script = `export const app = ${JSON.stringify('Enlace '.repeat(400))};`;
  let app: TestApp;
  let clientDir: string;

  beforeAll(async () => {
    // A client as the build leaves it: a hashed script beside its brotli and gzip versions.
    clientDir = mkdtempSync(join(tmpdir(), 'enlace-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Enlace</title><script type="module" src="/assets/index-abc123.js"></script>');
    writeFileSync(join(clientDir, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(clientDir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(clientDir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    app = await startTestApp({}, undefined, { clientDir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('sends hashed assets precompressed, cached for a year as immutable', async () => {
    const response = await request(app.url).get('/assets/index-abc123.js').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    // The size sent is the precompressed file's (the client decompresses it).
    expect(Number(response.headers['content-length'])).toBe(brotliCompressSync(script).length);
    expect(response.text).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the file itself to one without either', async () => {
    const gzip = await request(app.url).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(script);
    const plain = await request(app.url).get('/assets/index-abc123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script);
  });

  it('has the page checked again on every visit, at its own address and at a client route', async () => {
    for (const path of ['/', '/workspaces/some-id']) {
      const response = await request(app.url).get(path).expect(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('/assets/index-abc123.js');
    }
  });
});
