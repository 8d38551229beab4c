import type { Keyring } from './sensitive-crypto.js';
import type { SensitiveRepository } from './sensitive.repository.js';

/**
 * Re-wraps every case data key not wrapped by the keyring's current master key, in batches; the data keys
 * themselves (and so every sealed value) stay as they are. Safe to run while servers serve requests and to
 * run twice: each row is replaced only if it still holds what was read. Returns how many keys were re-wrapped.
 */
export async function rotateDataKeys(repository: SensitiveRepository, keyring: Keyring): Promise<number> {
  let rewrapped = 0;
  for (let batch = await repository.keysNotWrappedBy(keyring.currentId, 200); batch.length > 0; batch = await repository.keysNotWrappedBy(keyring.currentId, 200)) {
    for (const { caseId, ...stored } of batch) {
      await repository.rewrap(caseId, stored, keyring.wrap(caseId, keyring.unwrap(caseId, stored)));
      rewrapped += 1;
    }
  }
  return rewrapped;
}
