import { randomBytes, randomUUID } from 'node:crypto';
import { Keyring, decryptField, encryptField, fieldDigest } from './sensitive-crypto.js';

const master = (id: string) => ({ id, key: randomBytes(32) });

describe('sensitive-field encryption', () => {
  it('opens what it sealed, and only for the same case and field', () => {
    const caseId = randomUUID();
    const key = randomBytes(32);
    const box = encryptField(key, caseId, 'alias', 'Luz');
    expect(box.toString('utf8')).not.toContain('Luz');
    expect(decryptField(key, caseId, 'alias', box)).toBe('Luz');
    expect(() => decryptField(key, caseId, 'contact', box)).toThrow();
    expect(() => decryptField(key, randomUUID(), 'alias', box)).toThrow();
    expect(() => decryptField(randomBytes(32), caseId, 'alias', box)).toThrow();
  });

  it('unwraps a data key with the master key that wrapped it, after a rotation too', () => {
    const caseId = randomUUID();
    const old = master('old');
    const { dataKey, ...wrapped } = new Keyring(old).newDataKey(caseId);
    const rotated = new Keyring(master('new'), [old]);
    expect(rotated.unwrap(caseId, wrapped).equals(dataKey)).toBe(true);
    const rewrapped = rotated.wrap(caseId, dataKey);
    expect(rewrapped.masterKeyId).toBe('new');
    expect(new Keyring(master('other'), []).currentId).toBe('other');
    expect(() => new Keyring(master('new2')).unwrap(caseId, wrapped)).toThrow(/not configured/);
  });

  it('digests are keyed per case: the same value gives different digests under different data keys', () => {
    const a = fieldDigest(randomBytes(32), 'ageOrBirthYear', '1990');
    const b = fieldDigest(randomBytes(32), 'ageOrBirthYear', '1990');
    expect(a).not.toBe(b);
    const key = randomBytes(32);
    expect(fieldDigest(key, 'alias', 'x')).toBe(fieldDigest(key, 'alias', 'x'));
    expect(fieldDigest(key, 'alias', 'x')).not.toBe(fieldDigest(key, 'contact', 'x'));
  });
});
