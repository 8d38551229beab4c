import type { Page } from 'playwright-core';
import { api, ministryColleagues, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

interface Card {
  id: string;
  title: string;
  columnId: string;
  version: number;
}

interface Board {
  id: string;
  title: string;
  columns: Array<{ id: string; title: string }>;
  cards: Card[];
}

/** What a board shows: its columns in order, each with the titles of its cards (sorted: order is not the point here). */
type Shown = Array<{ column: string; cards: string[] }>;

/** Case notes as long as a card allows: a board of them takes a while to read and send, and events keep coming meanwhile. */
const LONG_NOTES = 'Entrevista con la persona sobreviviente; derivación a refugio y asistencia legal. '.repeat(240).slice(0, 20_000);
const SEEDED_CARDS = 30;
/** Columns stay below 60 cards, where they start rendering only the cards in view. */
const MAX_ROUNDS = 50;

describe('catching up a board read while it changes', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let owner: Person;
  let coordinator: Person;

  beforeAll(async () => {
    server = e2e.server;
    ({ owner, coordinator } = await ministryColleagues(server));
  });

  const readBoard = (boardId: string) => api<Board>(server, `/api/boards/${boardId}`, { token: owner.token });

  /** Signed in, looking at the workspace's first board, subscribed (listed as online), and marked so that a reload would be noticed. */
  async function onWorkspace(person: Person, workspaceId: string, boardId?: string): Promise<Page> {
    const session = await e2e.open();
    const { page } = session;
    await signIn(page, person.email, person.password);
    await page.goto(`/workspaces/${workspaceId}${boardId ? `?board=${boardId}` : ''}`);
    await page.getByRole('region', { name: 'To do' }).waitFor();
    await page.getByRole('list', { name: 'Online now' }).getByText(person.displayName).waitFor();
    await page.evaluate(() => Object.assign(globalThis, { enlaceNoReload: true }));
    return page;
  }

  const notReloaded = (page: Page) => page.evaluate(() => (globalThis as { enlaceNoReload?: boolean }).enlaceNoReload === true);

  async function shownOn(page: Page): Promise<Shown> {
    const shown: Shown = [];
    for (const column of await page.locator('.board-column').all()) {
      shown.push({ column: (await column.locator('h3').textContent()) ?? '', cards: (await column.locator('.board-card-title').allTextContents()).sort() });
    }
    return shown;
  }

  const shownFrom = (board: Board): Shown =>
    board.columns.map((column) => ({
      column: column.title,
      cards: board.cards
        .filter((card) => card.columnId === column.id)
        .map((card) => card.title)
        .sort(),
    }));

  /** Waits until the page shows exactly `expected`; the socket's head (every 5 s) would have caught up by then. */
  async function expectShown(page: Page, expected: Shown) {
    for (const deadline = Date.now() + 12_000; Date.now() < deadline; await page.waitForTimeout(200)) {
      if (JSON.stringify(await shownOn(page)) === JSON.stringify(expected)) return;
    }
    expect(await shownOn(page)).toEqual(expected);
  }

  it('shows every change made while the board switched to was being read, without a reload', async () => {
    const workspace = await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'coordination', title: 'Mesa interinstitucional' } });
    const invitation = await api<{ token: string }>(server, `/api/workspaces/${workspace.id}/invitations`, {
      token: owner.token,
      body: { email: coordinator.email, role: 'coordinator' },
    });
    await api(server, `/api/invitations/${invitation.token}/accept`, { token: coordinator.token, body: {} });
    // "Referrals" is listed after the default "Board", so the workspace opens on the default one.
    const referrals = await api<Board>(server, `/api/workspaces/${workspace.id}/boards`, { token: owner.token, body: { title: 'Referrals' } });
    const [todo, inProgress, done] = referrals.columns;
    for (let i = 0; i < SEEDED_CARDS; i++) {
      await api(server, `/api/boards/${referrals.id}/cards`, { token: owner.token, body: { columnId: done.id, title: `Case file ${i}`, description: LONG_NOTES } });
    }

    const reader = await onWorkspace(coordinator, workspace.id);
    // The owner watches the board being changed: the live path, next to the catch-up one.
    const watcher = await onWorkspace(owner, workspace.id, referrals.id);

    // The owner changes the board as fast as the API answers: each round creates a card, then renames and
    // moves the previous one. Every card is created, renamed and moved once, so an event lost is a card
    // missing, under its old title, or in its old column for good.
    let stop = false;
    let rounds = 0;
    let flowing = () => {};
    const started = new Promise<void>((resolve) => (flowing = resolve));
    const changing = (async () => {
      let previous: Card | null = null;
      for (; !stop && rounds < MAX_ROUNDS; rounds++) {
        if (rounds === 5) flowing();
        const card: Card = await api<Card>(server, `/api/boards/${referrals.id}/cards`, { token: owner.token, body: { columnId: todo.id, title: `Referral ${rounds}` } });
        if (previous) {
          const renamed: Card = await api<Card>(server, `/api/cards/${previous.id}`, {
            token: owner.token,
            method: 'PATCH',
            body: { version: previous.version, title: `${previous.title}: sent` },
          });
          await api(server, `/api/cards/${previous.id}/move`, { token: owner.token, body: { version: renamed.version, columnId: inProgress.id } });
        }
        previous = card;
      }
    })();

    // Switch while the changes flow, and let them go on a little once the board is shown.
    await Promise.race([started, changing]);
    await reader.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: 'Referrals' }).click();
    await reader.getByRole('heading', { name: 'Referrals', exact: true }).waitFor();
    await reader.getByRole('region', { name: 'Done' }).getByRole('button', { name: 'Case file 0', exact: true }).waitFor();
    const roundsWhenShown = rounds;
    await reader.waitForTimeout(300);
    stop = true;
    await changing;
    // Otherwise the read did not happen while the board was changing, and the test proved nothing.
    expect(roundsWhenShown).toBeLessThan(MAX_ROUNDS);

    const expected = shownFrom(await readBoard(referrals.id));
    expect(expected.find((column) => column.column === 'To do')?.cards).toContain(`Referral ${rounds - 1}`);
    await expectShown(reader, expected);
    await expectShown(watcher, expected);
    expect(await notReloaded(reader)).toBe(true);
    expect(await notReloaded(watcher)).toBe(true);
  });
});
