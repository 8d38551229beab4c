import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'enlace-config-'));

describe('loadConfig', () => {
  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }],
    ['ADMIN_EMAIL', { ADMIN_EMAIL: 'not-an-email' }],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['LOGIN_MAX_ATTEMPTS', { LOGIN_MAX_ATTEMPTS: '0' }],
    ['LOGIN_ACCOUNT_MAX_ATTEMPTS', { LOGIN_ACCOUNT_MAX_ATTEMPTS: 'many' }],
    // A per-account or per-address limit below the per-person one would let one person's typos lock others out.
    ['LOGIN_ACCOUNT_MAX_ATTEMPTS', { LOGIN_MAX_ATTEMPTS: '5', LOGIN_ACCOUNT_MAX_ATTEMPTS: '4' }],
    ['LOGIN_ADDRESS_MAX_ATTEMPTS', { LOGIN_MAX_ATTEMPTS: '5', LOGIN_ADDRESS_MAX_ATTEMPTS: '4' }],
  ])('refuses a bad %s with a message naming it', (variable, env) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow('JWT_SECRET is required when NODE_ENV=production');
  });

  it('applies the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, invitationTtlDays: 7, corsOrigins: [] });
    expect(config.login).toEqual({ perAccountAndAddress: 5, perAccount: 10, perAddress: 100, windowSeconds: 900 });
  });

  it('generates a JWT secret once and keeps it private in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });
});
