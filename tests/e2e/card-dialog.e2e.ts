import type { Locator, Page } from 'playwright-core';
import { api, ministryColleagues, signIn, signOut, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

interface Card {
  id: string;
  version: number;
  title: string;
  description: string;
  priority: string;
}

describe('the card dialog keeps what people type: drafts, conflicts, comments', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let owner: Person;
  let coordinator: Person;
  let workspaceId: string;
  let boardId: string;
  let columnId: string;

  beforeAll(async () => {
    server = e2e.server;
    ({ owner, coordinator } = await ministryColleagues(server));
    workspaceId = (await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'case', title: 'Caso AR-2026-0107' } })).id;
    const invitation = await api<{ token: string }>(server, `/api/workspaces/${workspaceId}/invitations`, { token: owner.token, body: { email: coordinator.email, role: 'coordinator' } });
    await api(server, `/api/invitations/${invitation.token}/accept`, { token: coordinator.token, body: {} });
    boardId = (await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${workspaceId}/boards`, { token: owner.token })).items[0].id;
    columnId = (await api<{ columns: Array<{ id: string }> }>(server, `/api/boards/${boardId}`, { token: owner.token })).columns[0].id;
  });

  const createCard = (title: string, fields: Partial<Card> = {}) => api<Card>(server, `/api/boards/${boardId}/cards`, { token: owner.token, body: { columnId, title, ...fields } });
  const readCard = async (id: string) => (await api<{ cards: Card[] }>(server, `/api/boards/${boardId}`, { token: owner.token })).cards.find((card) => card.id === id);

  async function onBoard(person: Person): Promise<Page> {
    const { page } = await e2e.open();
    await signIn(page, person.email, person.password);
    await page.goto(`/workspaces/${workspaceId}?tab=board`);
    await page.getByRole('region', { name: 'To do' }).waitFor();
    return page;
  }

  async function openCard(page: Page, title: string): Promise<Locator> {
    await page.getByRole('region', { name: 'To do' }).getByRole('button', { name: title, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Card details: ${title}` });
    await dialog.waitFor();
    return dialog;
  }

  it('asks before Escape or Close throws away unsaved edits, and keeps the draft on this device until it is saved or discarded', async () => {
    const card = await createCard('Arrange a safe house');
    const page = await onBoard(coordinator);
    let dialog = await openCard(page, 'Arrange a safe house');
    await dialog.getByLabel('Description').fill('Two nights, then the family home.');

    // Escape asks rather than closes.
    await page.keyboard.press('Escape');
    const ask = page.getByRole('alertdialog', { name: 'This card has changes that are not saved. Discard them?' });
    await ask.waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await ask.getByRole('button', { name: 'Close and keep the draft' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Reopened, even after a reload: the draft is back, and nothing reached the server.
    await page.reload();
    dialog = await openCard(page, 'Arrange a safe house');
    expect(await dialog.getByLabel('Description').inputValue()).toBe('Two nights, then the family home.');
    await dialog.getByRole('status').getByText('Your unsaved changes from before are back.').waitFor();
    expect((await readCard(card.id))?.description).toBe('');

    // Close asks too; discarding forgets the draft.
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    dialog = await openCard(page, 'Arrange a safe house');
    expect(await dialog.getByLabel('Description').inputValue()).toBe('');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('enlace.cardDraft.')))).toEqual([]);

    // A saved draft is gone from the device too, and an untouched card closes without a question.
    await dialog.getByLabel('Description').fill('Call the shelter first.');
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await dialog.getByRole('status').getByText('Saved.').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('enlace.cardDraft.')))).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await readCard(card.id))?.description).toBe('Call the shelter first.');
  });

  it('forgets every unsaved draft on this device at sign-out, so the next person at a shared computer finds none', async () => {
    await createCard('Visit the shelter');
    const page = await onBoard(coordinator);
    const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('enlace.cardDraft.')));
    const dialog = await openCard(page, 'Visit the shelter');
    await dialog.getByLabel('Description').fill('Her address is in the notebook.');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close and keep the draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await drafts()).toHaveLength(1);

    await signOut(page);
    await page.waitForURL('**/login');
    expect(await drafts()).toEqual([]);
    // Not even the same person gets it back on signing in again here.
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/workspaces/${workspaceId}?tab=board`);
    const reopened = await openCard(page, 'Visit the shelter');
    expect(await reopened.getByLabel('Description').inputValue()).toBe('');
  });

  it('on a conflict keeps the loser’s text: both versions side by side, merged by hand, saved on top of the current version', async () => {
    const card = await createCard('Book an interpreter', { description: 'Quechua.' });
    const page = await onBoard(coordinator);
    const dialog = await openCard(page, 'Book an interpreter');
    await dialog.getByLabel('Description').fill('Quechua, for the hearing on Monday.');
    // Meanwhile someone else changes the same field, and another one.
    await api(server, `/api/cards/${card.id}`, { method: 'PATCH', token: owner.token, body: { version: card.version, description: 'Quechua or Aymara.', priority: 'urgent' } });

    await dialog.getByRole('button', { name: 'Save card' }).click();
    await dialog.getByRole('alert').getByText('Someone else saved this card while you were editing it.', { exact: false }).waitFor();
    const field = dialog.getByRole('group', { name: 'description' });
    expect(await field.locator('[data-side="theirs"]').textContent()).toBe('Quechua or Aymara.');
    expect(await field.locator('[data-side="mine"]').textContent()).toBe('Quechua, for the hearing on Monday.');
    // Their other change is taken as it is.
    expect(await dialog.getByLabel('Priority').inputValue()).toBe('urgent');

    // Take theirs, then mine, then merge by hand.
    await field.getByRole('button', { name: 'Use their description' }).click();
    expect(await dialog.getByLabel('Description', { exact: true }).inputValue()).toBe('Quechua or Aymara.');
    await field.getByRole('button', { name: 'Use your description' }).click();
    const merged = field.getByLabel('description to save (edit to merge)');
    expect(await merged.inputValue()).toBe('Quechua, for the hearing on Monday.');
    await merged.fill('Quechua or Aymara, for the hearing on Monday.');
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await dialog.getByRole('status').getByText('Saved.').waitFor();
    expect(await readCard(card.id)).toMatchObject({ description: 'Quechua or Aymara, for the hearing on Monday.', priority: 'urgent', version: card.version + 2 });
    expect(await dialog.getByRole('group', { name: 'description' }).count()).toBe(0);
  });

  it('shows who wrote a comment, for which organisation and when, and renders Markdown without running HTML or javascript: links', async () => {
    const card = await createCard('Coordinate legal aid', {
      description: 'See **the annex**. <img src=x onerror="window.enlaceXss = 1"> [run](javascript:window.enlaceXss=2)',
    });
    await api(server, `/api/cards/${card.id}/comments`, {
      token: owner.token,
      body: { body: 'Call [the shelter](https://refugio.example/contact) *today*.\n\n<img src=x onerror="window.enlaceXss = 3"> [run](javascript:window.enlaceXss=4)' },
    });
    const page = await onBoard(coordinator);
    const dialog = await openCard(page, 'Coordinate legal aid');
    const comment = dialog.getByRole('region', { name: 'Comments' }).getByRole('listitem').first();
    await comment.getByText('Laura Méndez', { exact: true }).waitFor();
    await comment.getByText('Ministerio de Justicia', { exact: false }).waitFor();
    expect(await comment.locator('time').textContent()).toMatch(/^(now|\d+ seconds? ago|1 minute ago)$/);
    await comment.locator('em', { hasText: 'today' }).waitFor();
    const link = comment.getByRole('link', { name: 'the shelter' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('href')).toBe('https://refugio.example/contact');
    await dialog.getByRole('region', { name: 'Preview' }).locator('strong', { hasText: 'the annex' }).waitFor();

    // Raw HTML is not rendered, and a javascript: link leads nowhere.
    expect(await dialog.locator('img').count()).toBe(0);
    for (const run of await dialog.getByRole('link', { name: 'run' }).all()) {
      expect(await run.getAttribute('href')).not.toMatch(/javascript/i);
    }
    expect(await page.evaluate(() => (globalThis as { enlaceXss?: number }).enlaceXss)).toBeUndefined();
  });
});
