// Imported, not global: the client's tsconfig has no Jest types.
import { afterEach, describe, expect, it } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import type { BoardSnapshotDto, CardDto, WorkspaceEvent } from '@enlace/shared';
import { boardKeys } from './api/board-keys.js';
import { createBoardSync } from './board-sync.js';

const USER = 'user-1';
const WORKSPACE = 'workspace-1';
const BOARD = 'board-1';

const card = (id: string, fields: Partial<CardDto> = {}) => ({ id, boardId: BOARD, columnId: 'column-1', title: `Card ${id}`, position: id, archived: false, version: 1, ...fields }) as CardDto;

const snapshot = (seq: number, fields: Partial<BoardSnapshotDto> = {}): BoardSnapshotDto => ({
  id: BOARD,
  workspaceId: WORKSPACE,
  title: 'Board',
  version: 1,
  columns: [],
  labels: [],
  cards: [],
  seq,
  ...fields,
});

const cardEvent = (seq: number, type: string, payload: CardDto): WorkspaceEvent =>
  ({
  workspaceId: WORKSPACE,
  seq,
  type,
  entityType: 'card',
  entityId: payload.id,
  payload,
  actorId: 'user-2',
  at: '2026-01-01T00:00:00.000Z',
  }) as WorkspaceEvent;

/** Lets every pending fill run to its end (the fake log answers at once unless a test holds it). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/**
 * A board sync over a real query cache and a fake event log. `read` is what GET /boards/:id does: a
 * snapshot lands in the cache through a query. `live` is what the socket does with an event in order.
 */
function setup(last: number | null, log: WorkspaceEvent[] = []) {
  // No garbage collection timers to outlive the test.
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity, retry: false } } });
  const state = { last };
  const asked: number[] = [];
  let answer = (after: number) => Promise.resolve({ items: log.filter((event) => event.seq > after) });
  const sync = createBoardSync({
    queryClient,
    userId: USER,
    workspaceId: WORKSPACE,
    last: () => state.last,
    fetchEvents: (after) => {
      asked.push(after);
      return answer(after);
    },
  });
  stops.push(sync.stop);
  return {
    queryClient,
    state,
    asked,
    sync,
    log,
    answerWith: (next: typeof answer) => (answer = next),
    read: (board: BoardSnapshotDto) => queryClient.fetchQuery({ queryKey: boardKeys.detail(USER, board.id), queryFn: () => Promise.resolve(board) }),
    live: (event: WorkspaceEvent) => {
      log.push(event);
      sync.apply(event);
      state.last = event.seq;
    },
    cached: (boardId = BOARD) => queryClient.getQueryData<BoardSnapshotDto>(boardKeys.detail(USER, boardId)),
  };
}

const titles = (board: BoardSnapshotDto | undefined) => board?.cards.map((item) => item.title);

describe('createBoardSync', () => {
  it('has the board’s archived cards read again when a card is archived, restored or deleted, not when one moves', async () => {
    const { queryClient, read, live } = setup(5);
    await read(snapshot(5));
    const archivedKey = boardKeys.archived(USER, BOARD);
    const otherBoardKey = boardKeys.archived(USER, 'board-2');
    const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    const reset = async () => {
      for (const key of [archivedKey, otherBoardKey]) await queryClient.fetchQuery({ queryKey: key, queryFn: () => Promise.resolve({ items: [] }), staleTime: 0 });
    };
    await reset();
    live(cardEvent(6, 'card.moved', card('a', { version: 2 })));
    live(cardEvent(7, 'card.updated', card('a', { title: 'Open card renamed', version: 3 })));
    expect(stale(archivedKey)).toBe(false);
    for (const [seq, type, archived] of [[8, 'card.archived', true], [9, 'card.restored', false], [10, 'card.updated', true]] as const) {
      await reset();
      live(cardEvent(seq, type, card('a', { archived, version: seq })));
      expect([type, stale(archivedKey), stale(otherBoardKey)]).toEqual([type, true, false]);
    }
    await reset();
    live({ ...cardEvent(11, 'card.deleted', card('a')), payload: { id: 'a', boardId: BOARD, columnId: 'column-1' } } as WorkspaceEvent);
    expect(stale(archivedKey)).toBe(true);
  });

  it('fills a board read behind the socket with the events in between, from the log', async () => {
    // Events 6 to 8 reached the socket while the board was being read: they were applied to nothing.
    const { read, cached, asked } = setup(8, [
      cardEvent(6, 'card.created', card('a')),
      cardEvent(7, 'card.created', card('b')),
      cardEvent(8, 'card.updated', card('a', { title: 'Shelter found', version: 2 })),
    ]);
    await read(snapshot(5));
    await settle();
    expect(asked).toEqual([5]);
    expect(cached()?.seq).toBe(8);
    expect(titles(cached())).toEqual(['Shelter found', 'Card b']);
  });

  it('asks the log nothing for a board read at or after the last seq', async () => {
    const { read, asked } = setup(8);
    await read(snapshot(8));
    await read(snapshot(10, { id: 'board-2' }));
    await settle();
    expect(asked).toEqual([]);
  });

  it('keeps a live event that arrives while the fill is on its way, and applies it after the events before it', async () => {
    const { read, live, cached, asked, answerWith, log } = setup(7, [cardEvent(6, 'card.created', card('a')), cardEvent(7, 'card.created', card('b'))]);
    // The log answers the first page later, with what it held when asked (6 and 7).
    let release = () => {};
    answerWith((after) => {
      const items = log.filter((event) => event.seq > after);
      answerWith((next) => Promise.resolve({ items: log.filter((event) => event.seq > next) }));
      return new Promise((resolve) => (release = () => resolve({ items })));
    });
    await read(snapshot(5));
    live(cardEvent(8, 'card.created', card('c')));
    // Behind: it must not take 8 before 6 and 7, or the guard would then skip them.
    expect(cached()?.seq).toBe(5);
    release();
    await settle();
    expect(asked).toEqual([5, 7]);
    expect(cached()?.seq).toBe(8);
    expect(titles(cached())).toEqual(['Card a', 'Card b', 'Card c']);
  });

  it('fills again when a read replaces a board that the events had already reached (a refetch)', async () => {
    const { read, live, cached, asked } = setup(5);
    await read(snapshot(5));
    // The refetch is read at 5; 6 and 7 reach the socket, and the cached board, before its answer.
    live(cardEvent(6, 'card.created', card('a')));
    live(cardEvent(7, 'card.moved', card('a', { columnId: 'column-2', version: 2 })));
    expect(cached()?.seq).toBe(7);
    await read(snapshot(5));
    await settle();
    expect(asked).toEqual([5]);
    expect(cached()?.cards).toEqual([card('a', { columnId: 'column-2', version: 2 })]);
    expect(cached()?.seq).toBe(7);
  });

  it('waits for the first subscription, then fills the boards read before it that are behind it', async () => {
    const { state, sync, read, cached, asked } = setup(null, [cardEvent(4, 'card.created', card('a')), cardEvent(5, 'card.created', card('b'))]);
    await read(snapshot(3));
    await settle();
    expect(asked).toEqual([]);
    state.last = 5;
    sync.fillAll();
    await settle();
    expect(asked).toEqual([3]);
    expect(titles(cached())).toEqual(['Card a', 'Card b']);
  });

  it('tries a failed fill again when asked to fill all, and the board takes no events until then', async () => {
    const { sync, read, live, cached, answerWith, log } = setup(6, [cardEvent(6, 'card.created', card('a'))]);
    answerWith(() => Promise.reject(new Error('offline')));
    await read(snapshot(5));
    await settle();
    live(cardEvent(7, 'card.created', card('b')));
    expect(cached()?.seq).toBe(5);
    answerWith((after) => Promise.resolve({ items: log.filter((event) => event.seq > after) }));
    sync.fillAll();
    await settle();
    expect(cached()?.seq).toBe(7);
    expect(titles(cached())).toEqual(['Card a', 'Card b']);
  });

  it('keeps every board in step with live events, a board read ahead of the socket skipping those it holds', async () => {
    const { read, live, cached, asked } = setup(7);
    await read(snapshot(7));
    // Read after 8 and 9, which the socket has not delivered yet: it holds card x already.
    const x = card('x', { boardId: 'board-2' });
    await read(snapshot(9, { id: 'board-2', cards: [x] }));
    live(cardEvent(8, 'card.created', x));
    live(cardEvent(9, 'card.updated', card('a')));
    live(cardEvent(10, 'card.created', card('y', { boardId: 'board-2' })));
    await settle();
    expect(asked).toEqual([]);
    expect(cached()?.seq).toBe(10);
    expect(cached('board-2')?.seq).toBe(10);
    expect(cached('board-2')?.cards.map((item) => item.id)).toEqual(['x', 'y']);
  });

  it('leaves a board of another workspace alone', async () => {
    const { read, cached, asked } = setup(8);
    await read(snapshot(2, { id: 'board-3', workspaceId: 'workspace-2' }));
    await settle();
    expect(asked).toEqual([]);
    expect(cached('board-3')?.seq).toBe(2);
  });
});
