import { createHash } from 'node:crypto';

/**
 * An event as the log stores and hashes it: whatever a reader is shown (the full event or its envelope),
 * the chain covers the stored envelope and payload.
 */
export interface StoredEvent {
  workspaceId: string;
  seq: number;
  type: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  actorId: string | null;
  at: string;
}

/** JSON with object keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash = sha256(previous hash + canonical event): editing, removing or reordering any event breaks the chain. */
export function eventHash(prevHash: string, event: StoredEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

/**
 * An event's canonical text split at its `seq`, which only the database allocates (under the head's
 * lock): canonicalJson(event) is `before + seq + after`. Keys are sorted, so the top-level "seq"
 * comes after the payload and is followed only by the string values of "type" and "workspaceId",
 * in which a quote is always escaped: the last `"seq":0` is the top-level one.
 */
export function canonicalAroundSeq(event: Omit<StoredEvent, 'seq'>): { before: string; after: string } {
  const text = canonicalJson({ ...event, seq: 0 });
  const at = text.lastIndexOf('"seq":0');
  return { before: text.slice(0, at + '"seq":'.length), after: text.slice(at + '"seq":0'.length) };
}
