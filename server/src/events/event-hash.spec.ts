import { createHash } from 'node:crypto';
import { canonicalAroundSeq, canonicalJson, eventHash, type StoredEvent } from './event-hash.js';

const event: StoredEvent = {
  workspaceId: '7b0e4f0e-4a43-4c3f-9a39-1d1b8f4a0c11',
  seq: 1,
  type: 'card.created',
  entityType: 'card',
  entityId: '1f6a1f2c-3a0e-4d5e-8f7a-2b6c9d0e1f23',
  payload: { title: 'Shelter placement', labels: ['urgent'], nested: { b: 1, a: 2 } },
  actorId: null,
  at: '2026-11-28T10:00:00.000Z',
};

describe('event hashing', () => {
  it('serialises keys in sorted order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('gives the same hash whatever the key order of the payload', () => {
    const reordered = { ...event, payload: { nested: { a: 2, b: 1 }, labels: ['urgent'], title: 'Shelter placement' } };
    expect(eventHash('', reordered)).toBe(eventHash('', event));
  });

  it('changes when the event or the previous hash changes', () => {
    const base = eventHash('', event);
    expect(eventHash('', { ...event, payload: { title: 'Shelter placement!' } })).not.toBe(base);
    expect(eventHash('abc', event)).not.toBe(base);
    expect(eventHash('', { ...event, seq: 2 })).not.toBe(base);
  });

  it('splits the canonical text at the top-level seq, even when the payload has a seq of its own', () => {
    const tricky = { ...event, seq: 42, type: 'x"seq":0', payload: { seq: 0, note: '"seq":0', nested: { seq: 0 } } };
    const { seq, ...rest } = tricky;
    const { before, after } = canonicalAroundSeq(rest);
    expect(`${before}${seq}${after}`).toBe(canonicalJson(tricky));
    // What the database computes from the parts is the hash verification recomputes.
    expect(createHash('sha256').update(`prev${before}${seq}${after}`).digest('hex')).toBe(eventHash('prev', tricky));
  });
});
