import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { SensitiveField } from '@enlace/shared';
import type { MasterKey } from '../common/config/config.js';

/**
 * Envelope encryption of the case record's sensitive fields, with Node's crypto only. Each case has its own
 * random 256-bit data key; the database holds it only wrapped (AES-256-GCM) by a master key that lives
 * outside it (DATA_ENCRYPTION_KEY), next to the master key's id. Each field is sealed with AES-256-GCM under
 * the data key, its case and name bound in as associated data, so a ciphertext copied to another case or
 * field fails to open. Destroying a case's wrapped data key erases every value of it, backups included.
 *
 * A sealed box is `iv (12 bytes) | tag (16 bytes) | ciphertext`.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer, box: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export interface WrappedKey {
  masterKeyId: string;
  wrapped: Buffer;
}

/** The master keys: the current one wraps new data keys; any known one unwraps what it wrapped. */
export class Keyring {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly current: MasterKey, previous: MasterKey[] = []) {
    this.byId = new Map([...previous, current].map((key) => [key.id, key.key]));
  }

  get currentId(): string {
    return this.current.id;
  }

  /** A new random data key for `caseId`, and its wrapped form to store. */
  newDataKey(caseId: string): { dataKey: Buffer } & WrappedKey {
    const dataKey = randomBytes(32);
    return { dataKey, ...this.wrap(caseId, dataKey) };
  }

  wrap(caseId: string, dataKey: Buffer): WrappedKey {
    return { masterKeyId: this.current.id, wrapped: seal(this.current.key, dataKey, `case-data-key/${caseId}`) };
  }

  unwrap(caseId: string, { masterKeyId, wrapped }: WrappedKey): Buffer {
    const master = this.byId.get(masterKeyId);
    if (!master) throw new Error(`The master key ${masterKeyId} that wrapped this case's data key is not configured (DATA_ENCRYPTION_PREVIOUS_KEYS)`);
    return open(master, wrapped, `case-data-key/${caseId}`);
  }
}

export const encryptField = (dataKey: Buffer, caseId: string, field: SensitiveField, value: string): Buffer =>
  seal(dataKey, Buffer.from(value, 'utf8'), `case-field/${caseId}/${field}`);

export const decryptField = (dataKey: Buffer, caseId: string, field: SensitiveField, box: Buffer): string =>
  open(dataKey, box, `case-field/${caseId}/${field}`).toString('utf8');

/**
 * The keyed digest a `case.sensitive_changed` event carries: HMAC-SHA-256 of the value under a key derived
 * from the case's data key. It shows that a value changed (or came back) without revealing it, and, unlike a
 * digest under one global key, no one can test guesses of a small value (a birth year) against it once the
 * data key is destroyed.
 */
export function fieldDigest(dataKey: Buffer, field: SensitiveField, value: string): string {
  const digestKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'enlace-case-field-digest', 32));
  return createHmac('sha256', digestKey).update(`${field}\n${value}`, 'utf8').digest('base64url');
}
