import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditCheckpointDto, AuditPublicKeyDto } from '@enlace/shared';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';

/**
 * The text a checkpoint's signature covers, one `name=value` per line. scripts/verify-audit.mjs builds
 * the same text on its own: change both or neither.
 */
export function checkpointText(checkpoint: Omit<AuditCheckpointDto, 'signature'>): string {
  return [
    'enlace-audit-checkpoint/1',
    `workspaceId=${checkpoint.workspaceId}`,
    `seq=${checkpoint.seq}`,
    `hash=${checkpoint.hash}`,
    `signedAt=${checkpoint.signedAt}`,
    `keyId=${checkpoint.keyId}`,
  ].join('\n');
}

/** A public key's id: the first 16 hex digits of the sha256 of its SPKI DER. */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

/**
 * Signs checkpoints with the audit key (AUDIT_SIGNING_KEY or DATA_DIR's), which the database never sees,
 * and checks them against every public key this hub has signed with: each one is kept in
 * DATA_DIR/audit-keys/<keyId>.pem, so checkpoints signed before a key rotation still verify.
 */
@Injectable()
export class AuditSigner {
  private readonly logger = new Logger(AuditSigner.name);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly keyId: string;
  private readonly trusted = new Map<string, KeyObject>();

  constructor(@Inject(CONFIG) config: Config) {
    this.privateKey = createPrivateKey(config.audit.signingKey);
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = keyIdOf(this.publicKey);
    const dir = join(config.dataDir, 'audit-keys');
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, `${this.keyId}.pem`), this.publicKeyPem(), { flag: 'wx' });
    } catch {
      // already kept
    }
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.pem'))) {
      try {
        const key = createPublicKey(readFileSync(join(dir, file), 'utf8'));
        this.trusted.set(keyIdOf(key), key);
      } catch {
        this.logger.warn(`Ignored ${file} in ${dir}: not a public key`);
      }
    }
  }

  sign(checkpoint: Omit<AuditCheckpointDto, 'signature' | 'keyId'>): AuditCheckpointDto {
    const unsigned = { ...checkpoint, keyId: this.keyId };
    return { ...unsigned, signature: sign(null, Buffer.from(checkpointText(unsigned)), this.privateKey).toString('base64') };
  }

  /** Whether the signature holds for a key this hub signs or signed with. */
  verify(checkpoint: AuditCheckpointDto): boolean {
    const key = this.trusted.get(checkpoint.keyId);
    return key !== undefined && verify(null, Buffer.from(checkpointText(checkpoint)), key, Buffer.from(checkpoint.signature, 'base64'));
  }

  publicKeyDto(): AuditPublicKeyDto {
    return { keyId: this.keyId, algorithm: 'Ed25519', publicKey: this.publicKeyPem() };
  }

  private publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}
