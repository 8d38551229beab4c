import type { CardDto } from '@enlace/shared';
import type { CardDraft } from './card-draft';

/** An unsaved edit of a card, kept on this device until it is saved or discarded. */
export interface StoredDraft {
  /** The version the edit started from: saving it on top of a newer one is a conflict. */
  base: CardDto;
  draft: CardDraft;
}

// Keyed by user as well as card: two people sharing a browser never see each other's drafts.
const PREFIX = 'enlace.cardDraft.';
const keyOf = (userId: string, cardId: string) => `${PREFIX}${userId}.${cardId}`;

export function readStoredDraft(userId: string, cardId: string): StoredDraft | null {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(userId, cardId)) ?? 'null') as Partial<StoredDraft> | null;
    return stored?.base?.id === cardId && typeof stored.draft?.title === 'string' ? (stored as StoredDraft) : null;
  } catch {
    return null; // unreadable (or storage refused): there is no draft to restore
  }
}

export function storeDraft(userId: string, cardId: string, stored: StoredDraft): void {
  try {
    localStorage.setItem(keyOf(userId, cardId), JSON.stringify(stored));
  } catch {
    // Storage full or refused: the draft lives on in the open dialog only.
  }
}

export function clearStoredDraft(userId: string, cardId: string): void {
  try {
    localStorage.removeItem(keyOf(userId, cardId));
  } catch {
    // Nothing stored, or storage refused.
  }
}

/**
 * Every draft kept on this device, whoever wrote it: called at sign-out, so the next person at a shared
 * computer finds no one's unsaved text in the browser's storage.
 */
export function clearAllStoredDrafts(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)).filter((key) => key?.startsWith(PREFIX));
    for (const key of keys) if (key) localStorage.removeItem(key);
  } catch {
    // Storage refused: nothing was kept in it either.
  }
}
