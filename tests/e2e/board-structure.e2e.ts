import type { Page } from 'playwright-core';
import { api, ministryColleagues, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

interface Column {
  id: string;
  title: string;
  wipLimit: number | null;
  version: number;
}

interface Board {
  id: string;
  title: string;
  columns: Column[];
  labels: Array<{ id: string; name: string; color: string }>;
  cards: Array<{ id: string; title: string; columnId: string; labelIds: string[] }>;
}

describe('changing a board’s structure (columns, WIP limits, labels, boards)', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let owner: Person;
  let coordinator: Person;

  beforeAll(async () => {
    server = e2e.server;
    ({ owner, coordinator } = await ministryColleagues(server));
  });

  /** A workspace of its own per test (owner plus a coordinator), with its default board of three columns. */
  async function freshWorkspace(title: string): Promise<{ workspaceId: string; board: Board }> {
    const workspace = await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'coordination', title } });
    const invitation = await api<{ token: string }>(server, `/api/workspaces/${workspace.id}/invitations`, {
      token: owner.token,
      body: { email: coordinator.email, role: 'coordinator' },
    });
    await api(server, `/api/invitations/${invitation.token}/accept`, { token: coordinator.token, body: {} });
    const boards = await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${workspace.id}/boards`, { token: owner.token });
    return { workspaceId: workspace.id, board: await readBoard(boards.items[0].id) };
  }

  const readBoard = (boardId: string) => api<Board>(server, `/api/boards/${boardId}`, { token: owner.token });
  const column = (board: Board, title: string) => board.columns.find((item) => item.title === title)!;
  const createCard = (board: Board, columnTitle: string, title: string, labelIds: string[] = []) =>
    api<{ id: string }>(server, `/api/boards/${board.id}/cards`, { token: owner.token, body: { columnId: column(board, columnTitle).id, title, labelIds } });

  /** Signed in and looking at the workspace's board, marked so that a reload would be noticed. */
  async function onBoard(person: Person, workspaceId: string): Promise<Page> {
    const session = await e2e.open();
    await signIn(session.page, person.email, person.password);
    await session.page.goto(`/workspaces/${workspaceId}`);
    await session.page.getByRole('region', { name: 'To do' }).waitFor();
    await session.page.evaluate(() => Object.assign(globalThis, { enlaceNoReload: true }));
    return session.page;
  }

  /** Board actions live in one menu. */
  async function boardAction(page: Page, name: string, menu = 'Board actions') {
    await page.getByRole('button', { name: menu }).click();
    await page.getByRole('menuitem', { name }).click();
  }

  const notReloaded = (page: Page) => page.evaluate(() => (globalThis as { enlaceNoReload?: boolean }).enlaceNoReload === true);

  async function openColumnSettings(page: Page, title: string) {
    await page.getByRole('button', { name: `Settings for column ${title}`, exact: true }).click();
    await page.getByRole('dialog', { name: `Column settings: ${title}` }).waitFor();
    // The dialog is named by the column's title, which may change while it is open.
    return page.getByRole('dialog');
  }

  /** Waits until the board shows exactly these columns, in this order. */
  async function expectColumns(page: Page, titles: string[]) {
    const headings = page.locator('.board-column h3');
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      if (JSON.stringify(await headings.allTextContents()) === JSON.stringify(titles)) return;
    }
    expect(await headings.allTextContents()).toEqual(titles);
  }

  it('shows a column that a coordinator adds, renames and limits in the owner’s browser, without a reload', async () => {
    const { workspaceId, board } = await freshWorkspace('Mesa interinstitucional');
    const editor = await onBoard(coordinator, workspaceId);
    const watcher = await onBoard(owner, workspaceId);

    await editor.getByLabel('New column title', { exact: true }).fill('Legal review');
    await editor.getByRole('button', { name: 'Add column', exact: true }).click();
    // New columns go to the end of the board.
    await expectColumns(watcher, ['To do', 'In progress', 'Done', 'Legal review']);

    const dialog = await openColumnSettings(editor, 'Legal review');
    await dialog.getByLabel('Title', { exact: true }).fill('Legal aid review');
    await dialog.getByLabel('Work-in-progress limit').fill('1');
    await dialog.getByRole('button', { name: 'Save column' }).click();
    await dialog.getByRole('status').getByText('Saved.').waitFor();

    const renamed = watcher.getByRole('region', { name: 'Legal aid review' });
    await renamed.getByText('0/1', { exact: true }).waitFor();
    expect(await watcher.getByRole('region', { name: 'Legal review', exact: true }).count()).toBe(0);
    expect(await notReloaded(watcher)).toBe(true);

    const stored = column(await readBoard(board.id), 'Legal aid review');
    expect(stored).toMatchObject({ wipLimit: 1, version: 2 });
  });

  it('moves a column one place left with its header button, for the other browser too', async () => {
    const { workspaceId, board } = await freshWorkspace('Orden de columnas');
    const editor = await onBoard(coordinator, workspaceId);
    const watcher = await onBoard(owner, workspaceId);

    await editor.getByRole('button', { name: 'Move column Done left', exact: true }).click();
    const order = ['To do', 'Done', 'In progress'];
    await expectColumns(watcher, order);
    await expectColumns(editor, order);
    expect((await readBoard(board.id)).columns.map((item) => item.title)).toEqual(order);
    // The first column cannot go further left; the button says so rather than disappearing under focus.
    expect(await editor.getByRole('button', { name: 'Move column To do left', exact: true }).getAttribute('aria-disabled')).toBe('true');
  });

  it('refuses moving a card into a full column with a message, and the card stays where it was', async () => {
    const { workspaceId, board } = await freshWorkspace('Límite de trabajo');
    const inProgress = column(board, 'In progress');
    await api(server, `/api/columns/${inProgress.id}`, { token: owner.token, method: 'PATCH', body: { version: inProgress.version, wipLimit: 1 } });
    await createCard(board, 'In progress', 'Coordinate shelter');
    const waiting = await createCard(board, 'To do', 'Request legal aid');

    const mover = await onBoard(coordinator, workspaceId);
    const full = mover.getByRole('region', { name: 'In progress' });
    await full.getByText('1/1', { exact: true }).waitFor();
    await full.getByText('Full', { exact: true }).waitFor();

    const card = mover.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Request legal aid', exact: true });
    await card.focus();
    // Keyboard drag and drop; dnd-kit measures the droppables after pick-up, so each step gets a moment.
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await mover.keyboard.press(key);
      await mover.waitForTimeout(250);
    }
    await mover
      .getByRole('alert')
      .getByText('“In progress” already holds its limit of 1 open card, so “Request legal aid” stayed where it was.', { exact: false })
      .waitFor();
    await mover.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Request legal aid', exact: true }).waitFor();
    expect(await full.getByRole('button', { name: 'Request legal aid', exact: true }).count()).toBe(0);
    expect((await readBoard(board.id)).cards.find((item) => item.id === waiting.id)?.columnId).toBe(column(board, 'To do').id);
  });

  it('refuses deleting a column that holds cards, and deletes an empty one for everyone', async () => {
    const { workspaceId, board } = await freshWorkspace('Columnas');
    await createCard(board, 'To do', 'Request legal aid');
    const editor = await onBoard(coordinator, workspaceId);
    const watcher = await onBoard(owner, workspaceId);

    let dialog = await openColumnSettings(editor, 'To do');
    await dialog.getByRole('button', { name: 'Delete column' }).click();
    // The app's own confirmation, not the browser's.
    let confirm = editor.getByRole('dialog', { name: 'Delete column', exact: true });
    await confirm.getByText('Delete the column “To do”? This cannot be undone.').waitFor();
    await confirm.getByRole('button', { name: 'Delete column' }).click();
    await confirm.getByRole('alert').getByText('Only an empty column can be deleted. Move or delete its cards first, archived ones included.').waitFor();
    expect((await readBoard(board.id)).columns).toHaveLength(3);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await editor.getByRole('region', { name: 'To do' }).count()).toBe(1);

    dialog = await openColumnSettings(editor, 'Done');
    await dialog.getByRole('button', { name: 'Delete column' }).click();
    confirm = editor.getByRole('dialog', { name: 'Delete column', exact: true });
    await confirm.getByRole('button', { name: 'Delete column' }).click();
    // Both go with the column.
    await editor.getByRole('dialog', { name: 'Column settings: Done' }).waitFor({ state: 'detached' });
    await confirm.waitFor({ state: 'detached' });
    await expectColumns(watcher, ['To do', 'In progress']);
    expect(await notReloaded(watcher)).toBe(true);
    expect((await readBoard(board.id)).columns.map((item) => item.title)).toEqual(['To do', 'In progress']);
  });

  it('renames and deletes a label in the board settings, and the other browser’s card follows without a reload', async () => {
    const { workspaceId, board } = await freshWorkspace('Etiquetas');
    const label = await api<{ id: string }>(server, `/api/boards/${board.id}/labels`, { token: owner.token, body: { name: 'Legal aid', color: '#1f845a' } });
    const card = await createCard(board, 'To do', 'Request legal aid', [label.id]);
    const editor = await onBoard(coordinator, workspaceId);
    const watcher = await onBoard(owner, workspaceId);
    // The whole card: its button holds only the title, its labels sit beside it.
    const watchedCard = watcher
      .getByRole('region', { name: 'To do' })
      .getByRole('listitem')
      .filter({ has: watcher.getByRole('button', { name: 'Request legal aid', exact: true }) });
    await watchedCard.getByText('Labels: Legal aid').waitFor();

    await boardAction(editor, 'Board settings');
    const settings = editor.getByRole('dialog', { name: 'Board settings' });
    await settings.getByRole('button', { name: 'Edit label Legal aid' }).click();
    await settings.getByLabel('Label name').fill('Legal counsel');
    await settings.getByRole('radio', { name: 'Blue' }).check();
    await settings.getByRole('button', { name: 'Save label' }).click();
    await watchedCard.getByText('Labels: Legal counsel').waitFor();

    await settings.getByRole('button', { name: 'Delete label Legal counsel' }).click();
    const confirm = editor.getByRole('dialog', { name: 'Delete label Legal counsel' });
    await confirm.getByText('Delete the label “Legal counsel”? It will be removed from every card that has it.').waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await settings.getByRole('status').getByText('Label “Legal counsel” deleted.').waitFor();
    await watchedCard.getByText('Labels: Legal counsel').waitFor({ state: 'detached' });
    expect(await notReloaded(watcher)).toBe(true);
    const stored = await readBoard(board.id);
    expect(stored.labels).toEqual([]);
    expect(stored.cards.find((item) => item.id === card.id)?.labelIds).toEqual([]);
  });

  it('gives a board created from a Spanish interface its columns in Spanish', async () => {
    const { workspaceId } = await freshWorkspace('Derivaciones');
    const page = await onBoard(owner, workspaceId);
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Español' });

    await boardAction(page, 'Nuevo tablero', 'Acciones del tablero');
    const dialog = page.getByRole('dialog', { name: 'Crear un tablero' });
    await dialog.getByLabel('Título del tablero').fill('Casos derivados');
    await dialog.getByRole('button', { name: 'Crear tablero' }).click();
    await page.getByRole('heading', { level: 2, name: 'Casos derivados' }).waitFor();
    await expectColumns(page, ['Por hacer', 'En curso', 'Hecho']);
    // The keyboard help names the keys as Spanish keyboards print them.
    await boardAction(page, 'Atajos de teclado', 'Acciones del tablero');
    const sheet = page.getByRole('dialog', { name: 'Atajos de teclado del tablero' });
    const keysOf = async (description: string) =>
      sheet.locator('.shortcut-list > div').filter({ has: page.getByText(description, { exact: true }) }).locator('kbd').allTextContents();
    expect(await keysOf('Tomar la tarjeta para moverla')).toEqual(['Espacio']);
    expect(await keysOf('Al mover: devolver la tarjeta a su sitio')).toEqual(['Esc']);
    expect(await keysOf('Ir a la primera o la última tarjeta de la columna')).toEqual(['Inicio', 'Fin']);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    // The language is saved on the account: back to English, which the owner's next pages here expect.
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH');
    await page.getByLabel('Idioma', { exact: true }).selectOption({ label: 'English' });
    expect((await saved).status()).toBe(200);
  });

  it('creates a second board, shows it from the address, and lists it live in the other browser', async () => {
    const { workspaceId } = await freshWorkspace('Varios tableros');
    const editor = await onBoard(coordinator, workspaceId);
    const watcher = await onBoard(owner, workspaceId);

    await boardAction(editor, 'New board');
    const dialog = editor.getByRole('dialog', { name: 'Create a board' });
    await dialog.getByLabel('Board title').fill('Referrals');
    await dialog.getByRole('button', { name: 'Create board' }).click();
    await editor.getByRole('heading', { level: 2, name: 'Referrals' }).waitFor();
    const created = new URL(editor.url()).searchParams.get('board');
    expect(created).toMatch(/^[0-9a-f-]{36}$/);

    const switcher = watcher.getByRole('navigation', { name: 'Boards' });
    await switcher.getByRole('link', { name: 'Referrals' }).waitFor();
    // The watcher keeps the board it was on while the list grows.
    expect(await switcher.getByRole('link', { name: 'Board', exact: true }).getAttribute('aria-current')).toBe('page');
    await switcher.getByRole('link', { name: 'Referrals' }).click();
    await watcher.getByRole('heading', { level: 2, name: 'Referrals' }).waitFor();
    expect(new URL(watcher.url()).searchParams.get('board')).toBe(created);

    // A reload comes back to the board in the address.
    await editor.reload();
    await editor.getByRole('heading', { level: 2, name: 'Referrals' }).waitFor();
  });
});
