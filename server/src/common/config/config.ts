import { createHash, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const urlWithProtocol = (protocols: string[]) =>
  optionalString.refine(
    (value) => value === undefined || protocols.some((protocol) => value.startsWith(`${protocol}://`)),
    `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: urlWithProtocol(['postgres', 'postgresql']),
  REDIS_URL: urlWithProtocol(['redis', 'rediss']),
  ADMIN_EMAIL: optionalString.refine((v) => v === undefined || z.email().safeParse(v).success, 'must be an e-mail address'),
  ADMIN_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 12, 'must have at least 12 characters'),
  JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, 'must have at least 32 characters'),
  CORS_ORIGIN: optionalString,
  PUBLIC_URL: urlWithProtocol(['http', 'https']),
  SMTP_URL: urlWithProtocol(['smtp', 'smtps']),
  MAIL_FROM: z.string().default('Enlace <no-reply@enlace.local>'),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  REDIS_PREFIX: z.string().min(1).default('enlace:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_ADDRESS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(100),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  SOCKET_USER_BURST: z.coerce.number().int().min(10).max(100_000).default(60),
  AUDIT_SIGNING_KEY: optionalString.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const pem = ed25519PrivateKeyPem(value);
    if (!pem) ctx.addIssue({ code: 'custom', message: 'must be an Ed25519 private key (PKCS8, PEM or base64 DER)' });
    return pem;
  }),
  AUDIT_CHECKPOINT_EVENTS: z.coerce.number().int().min(1).default(100),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).default(60),
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(25 * 1024 * 1024),
  DATA_ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || dataKey(v) !== undefined, 'must be 32 random bytes, as 64 hex digits or base64'),
  DATA_ENCRYPTION_PREVIOUS_KEYS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((key) => dataKey(key.trim()) !== undefined),
    'must be comma-separated keys of 32 bytes, as 64 hex digits or base64',
  ),
  CASE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(3_650),
  EVIDENCE_ORPHAN_HOURS: z.coerce.number().int().min(1).max(8_760).default(24),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Unset: the server runs an embedded PostgreSQL (PGlite) kept in `dataDir`. */
  databaseUrl?: string;
  /** Unset: pub/sub and rate-limit state stay in this process. */
  redisUrl?: string;
  /** Namespaces every Redis key and channel, so several hubs can share one Redis. */
  redisPrefix: string;
  admin: { email?: string; password?: string };
  /** Unset: e-mails are written to `dataDir/outbox` and logged, so invitations work without a mail server. */
  smtpUrl?: string;
  mailFrom: string;
  invitationTtlDays: number;
  jwtSecret: string;
  corsOrigins: string[];
  publicUrl: string;
  logLevel: string;
  /** Failed sign-ins allowed per window (see AuthService.login and the README). */
  login: { perAccountAndAddress: number; perAccount: number; perAddress: number; windowSeconds: number };
  /** Socket messages (subscribe, unsubscribe) one user may send on one process: a burst, refilled at a twelfth of it per second. */
  socketUserBurst: number;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /**
   * Signed audit checkpoints: the Ed25519 private key (PKCS8 PEM) that signs them, kept outside the
   * database, and how often a workspace gets one (after this many events, or this many seconds).
   */
  audit: { signingKey: string; checkpointEvents: number; checkpointSeconds: number };
  /** The largest evidence file accepted, in bytes: enforced while the upload streams in. */
  evidenceMaxBytes: number;
  /**
   * The master keys that wrap each case's data key (AES-256-GCM): `current` wraps, every key unwraps what
   * it wrapped (found by its id), so a rotation re-wraps while the server keeps reading.
   */
  dataEncryption: { current: MasterKey; previous: MasterKey[] };
  /** Days after closing a case before its sensitive fields are erased (its data key destroyed). */
  caseRetentionDays: number;
  /** Hours an uploaded evidence file may wait for a measurement to name it before it is deleted. */
  evidenceOrphanHours: number;
}

export interface MasterKey {
  /** The first 16 hex digits of the key's SHA-256: stored beside what it wrapped, never the key. */
  id: string;
  key: Buffer;
}

/** Reads the environment once, failing on the first bad variable with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const vars = parsed.data;
  if (vars.NODE_ENV === 'production' && !vars.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  // Below the per-person limit, one person's typos would lock every account or the whole office.
  for (const variable of ['LOGIN_ACCOUNT_MAX_ATTEMPTS', 'LOGIN_ADDRESS_MAX_ATTEMPTS'] as const) {
    if (vars[variable] < vars.LOGIN_MAX_ATTEMPTS) throw new ConfigError(variable, 'must be at least LOGIN_MAX_ATTEMPTS');
  }
  // A key generated on a server's disk dies with that disk, and with it the proof of every checkpoint.
  if (vars.NODE_ENV === 'production' && !vars.AUDIT_SIGNING_KEY) {
    throw new ConfigError('AUDIT_SIGNING_KEY', 'is required when NODE_ENV=production');
  }
  // A generated key on one server's disk: losing that disk would lose every case's sensitive fields.
  if (vars.NODE_ENV === 'production' && !vars.DATA_ENCRYPTION_KEY) {
    throw new ConfigError('DATA_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
  }
  const dataDir = resolve(vars.DATA_DIR);
  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX,
    admin: { email: vars.ADMIN_EMAIL?.toLowerCase(), password: vars.ADMIN_PASSWORD },
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    invitationTtlDays: vars.INVITATION_TTL_DAYS,
    jwtSecret: vars.JWT_SECRET ?? persistedSecret(dataDir),
    corsOrigins: vars.CORS_ORIGIN ? vars.CORS_ORIGIN.split(',').map((origin) => origin.trim()) : [],
    publicUrl: vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`,
    logLevel: vars.LOG_LEVEL,
    login: {
      perAccountAndAddress: vars.LOGIN_MAX_ATTEMPTS,
      perAccount: vars.LOGIN_ACCOUNT_MAX_ATTEMPTS,
      perAddress: vars.LOGIN_ADDRESS_MAX_ATTEMPTS,
      windowSeconds: vars.LOGIN_WINDOW_SECONDS,
    },
    socketUserBurst: vars.SOCKET_USER_BURST,
    accessTokenSeconds: 15 * 60,
    refreshTokenDays: 30,
    audit: {
      signingKey: vars.AUDIT_SIGNING_KEY ?? persistedSigningKey(dataDir),
      checkpointEvents: vars.AUDIT_CHECKPOINT_EVENTS,
      checkpointSeconds: vars.AUDIT_CHECKPOINT_SECONDS,
    },
    evidenceMaxBytes: vars.EVIDENCE_MAX_BYTES,
    dataEncryption: {
      current: masterKey(dataKey(vars.DATA_ENCRYPTION_KEY ?? persistedDataKey(dataDir))!),
      previous: (vars.DATA_ENCRYPTION_PREVIOUS_KEYS?.split(',') ?? []).map((key) => masterKey(dataKey(key.trim())!)),
    },
    caseRetentionDays: vars.CASE_RETENTION_DAYS,
    evidenceOrphanHours: vars.EVIDENCE_ORPHAN_HOURS,
  };
}

/** 32 bytes from 64 hex digits or base64 (either alphabet); undefined for anything else. */
function dataKey(value: string): Buffer | undefined {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

const masterKey = (key: Buffer): MasterKey => ({ id: createHash('sha256').update(key).digest('hex').slice(0, 16), key });

/** The same for the master data key: a single-machine hub must read its cases' sensitive fields after a restart. */
function persistedDataKey(dataDir: string): string {
  return persisted(join(dataDir, 'data-encryption-key'), () => randomBytes(32).toString('hex'));
}

/** A generated secret is kept in DATA_DIR so that tokens survive a restart of a single-machine hub. */
function persistedSecret(dataDir: string): string {
  return persisted(join(dataDir, 'jwt-secret'), () => randomBytes(48).toString('base64url'));
}

/** The same for the audit signing key: checkpoints signed before a restart must still verify after it. */
function persistedSigningKey(dataDir: string): string {
  const generate = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return persisted(join(dataDir, 'audit-signing-key.pem'), generate);
}

function persisted(file: string, generate: () => string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    const secret = generate().trim();
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
}

/** The key as PKCS8 PEM when it is an Ed25519 private key given as PEM or as base64 of its DER. */
function ed25519PrivateKeyPem(value: string): string | undefined {
  try {
    // A PEM in a one-line variable (a .env file, a secret store) often has its newlines written as \\n.
    const key = value.startsWith('-----BEGIN')
      ? createPrivateKey(value.replaceAll('\\n', '\n'))
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519' ? key.export({ type: 'pkcs8', format: 'pem' }).toString().trim() : undefined;
  } catch {
    return undefined;
  }
}
