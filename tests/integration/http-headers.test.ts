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
