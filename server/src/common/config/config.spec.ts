import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
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
    ['AUDIT_SIGNING_KEY', { AUDIT_SIGNING_KEY: 'not a key' }],
    ['AUDIT_SIGNING_KEY', { AUDIT_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }],
    ['AUDIT_CHECKPOINT_EVENTS', { AUDIT_CHECKPOINT_EVENTS: '0' }],
    ['AUDIT_CHECKPOINT_SECONDS', { AUDIT_CHECKPOINT_SECONDS: 'soon' }],
  ])('refuses a bad %s with a message naming it', (variable, env) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow('JWT_SECRET is required when NODE_ENV=production');
  });

  it('requires AUDIT_SIGNING_KEY in production, so checkpoints never hang on one disk', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_DIR: dataDir() };
    expect(() => loadConfig(env)).toThrow(new ConfigError('AUDIT_SIGNING_KEY', 'is required when NODE_ENV=production'));
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
    expect(loadConfig({ ...env, AUDIT_SIGNING_KEY: pem, DATA_ENCRYPTION_KEY: 'ab'.repeat(32) }).audit.signingKey).toBe(pem);
  });

  it('requires DATA_ENCRYPTION_KEY in production; elsewhere generates one into DATA_DIR and keeps it', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
    const env = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), AUDIT_SIGNING_KEY: pem, DATA_DIR: dataDir() };
    expect(() => loadConfig(env)).toThrow(new ConfigError('DATA_ENCRYPTION_KEY', 'is required when NODE_ENV=production'));
    const given = loadConfig({ ...env, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }).dataEncryption.current;
    expect(given.key.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(given.id).toMatch(/^[0-9a-f]{16}$/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATA_ENCRYPTION_KEY: 'too-short' })).toThrow(/^Invalid configuration: DATA_ENCRYPTION_KEY /);
    const dir = dataDir();
    const generated = loadConfig({ DATA_DIR: dir }).dataEncryption.current;
    expect(loadConfig({ DATA_DIR: dir }).dataEncryption.current.key.equals(generated.key)).toBe(true);
    const rotated = loadConfig({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: 'cd'.repeat(32), DATA_ENCRYPTION_PREVIOUS_KEYS: `${'ab'.repeat(32)}, ${'ef'.repeat(32)}` }).dataEncryption;
    expect(rotated.previous.map((key) => key.key.toString('hex'))).toEqual(['ab'.repeat(32), 'ef'.repeat(32)]);
  });

  it('takes the audit key as base64 DER or as a PEM with its newlines escaped', () => {
    const key = generateKeyPairSync('ed25519').privateKey;
    const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
    const der = key.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(loadConfig({ DATA_DIR: dataDir(), AUDIT_SIGNING_KEY: der }).audit.signingKey).toBe(pem);
    expect(loadConfig({ DATA_DIR: dataDir(), AUDIT_SIGNING_KEY: pem.replaceAll('\n', '\\n') }).audit.signingKey).toBe(pem);
  });

  it('generates an audit signing key once and keeps it private in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).audit.signingKey;
    expect(createPrivateKey(first).asymmetricKeyType).toBe('ed25519');
    expect(loadConfig({ DATA_DIR: dir }).audit.signingKey).toBe(first);
    expect(statSync(join(dir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('applies the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, invitationTtlDays: 7, corsOrigins: [] });
    expect(config.login).toEqual({ perAccountAndAddress: 5, perAccount: 10, perAddress: 100, windowSeconds: 900 });
    expect(config.audit).toMatchObject({ checkpointEvents: 100, checkpointSeconds: 60 });
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
