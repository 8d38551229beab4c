import type { WorkspaceEvent } from '@enlace/shared';
import type { EventsRepository } from '../events/events.repository.js';
import { EventFanout } from './event-fanout.js';

const WORKSPACE = '7b0e4f0e-4a43-4c3f-9a39-1d1b8f4a0c11';
const MEMBER = '1f6a1f2c-3a0e-4d5e-8f7a-2b6c9d0e1f23';

// Built loosely, as the log could hold them: these tests look at seqs and removals, not payloads.
const event = (seq: number, type = 'card.created', payload: unknown = {}): WorkspaceEvent =>
  ({
  workspaceId: WORKSPACE,
  seq,
  type,
  entityType: type.split('.')[0],
  entityId: MEMBER,
  payload,
  actorId: null,
  at: '2026-11-28T10:00:00.000Z',
  }) as WorkspaceEvent;
const removal = (seq: number, userId = MEMBER) => event(seq, 'member.removed', { workspaceId: WORKSPACE, userId });

/** Whether the latest membership change of `userId` delivered since `since` is a removal. */
const removedSince = (fanout: EventFanout, workspaceId: string, userId: string, since: number) => fanout.changedSince(workspaceId, userId, since)?.audience === null;

/** The fan-out with no socket.io server attached: what it delivers goes nowhere, what it records is checked. */
function fanoutAtHead(seq: number): EventFanout {
  const log = { head: () => Promise.resolve({ seq, hash: '' }), after: () => Promise.resolve([]) };
  return new EventFanout(log as unknown as EventsRepository);
}

describe('EventFanout removals during a subscription', () => {
  let fanout: EventFanout;
  afterEach(() => fanout.onModuleDestroy());

  it('reports a removal delivered after the subscription started tracking', async () => {
    fanout = fanoutAtHead(3);
    const since = await fanout.track(WORKSPACE);
    expect(since).toBe(3);
    fanout.receive([event(4), removal(5)]);
    expect(removedSince(fanout, WORKSPACE, MEMBER, since)).toBe(true);
    expect(removedSince(fanout, WORKSPACE, 'someone-else', since)).toBe(false);
  });

  it('ignores a removal the access check already saw (delivered before tracking started)', async () => {
    fanout = fanoutAtHead(3);
    const first = await fanout.track(WORKSPACE);
    fanout.receive([removal(4)]);
    const second = await fanout.track(WORKSPACE);
    expect(second).toBe(4);
    expect(removedSince(fanout, WORKSPACE, MEMBER, second)).toBe(false);
    expect(removedSince(fanout, WORKSPACE, MEMBER, first)).toBe(true);
  });

  it('keeps following an empty room while a subscription is in flight, and forgets removals after the last one', async () => {
    fanout = fanoutAtHead(0);
    const since = await fanout.track(WORKSPACE);
    // Another socket leaving the (empty) room must not drop the state this subscription relies on.
    fanout.release(WORKSPACE);
    fanout.receive([removal(1)]);
    expect(removedSince(fanout, WORKSPACE, MEMBER, since)).toBe(true);
    fanout.untrack(WORKSPACE);
    expect(removedSince(fanout, WORKSPACE, MEMBER, since)).toBe(false);
  });

  it('records a removal only once the events before it were delivered, in seq order', async () => {
    fanout = fanoutAtHead(0);
    const since = await fanout.track(WORKSPACE);
    fanout.receive([removal(2)]);
    expect(removedSince(fanout, WORKSPACE, MEMBER, since)).toBe(false);
    fanout.receive([event(1)]);
    expect(removedSince(fanout, WORKSPACE, MEMBER, since)).toBe(true);
    fanout.untrack(WORKSPACE);
  });
});
