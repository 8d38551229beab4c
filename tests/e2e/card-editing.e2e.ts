import type { Locator, Page } from 'playwright-core';
import { adminToken, api, createOrganization, createPerson, signIn, type Person } from './support/app.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

interface Card {
  id: string;
  version: number;
  title: string;
  description: string;
  labelIds: string[];
  assigneeIds: string[];
  responsibleOrganizationId: string | null;
}

describe('editing every field of a card in the card dialog', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let owner: Person;
  let coordinator: Person;
  let worker: Person;
  let observer: Person;
  let shelter: { id: string };
  let workspaceId: string;
  let boardId: string;
  let firstColumnId: string;

  beforeAll(async () => {
    server = e2e.server;
    const admin = await adminToken(server);
    const ministry = await createOrganization(server, admin, 'Ministerio de Justicia', 'central_government');
    shelter = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    const person = (organizationId: string, email: string, displayName: string) => createPerson(server, admin, organizationId, email, displayName);
    owner = await person(ministry.id, 'owner@ministerio.test', 'Laura Méndez');
    coordinator = await person(ministry.id, 'coordinator@ministerio.test', 'Carlos Ruiz');
    worker = await person(shelter.id, 'worker@refugio.test', 'Ana Torres');
    observer = await person(ministry.id, 'observer@ministerio.test', 'Pedro Gómez');

    workspaceId = (await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'case', title: 'Caso AR-2026-0042' } })).id;
    for (const [member, role] of [[coordinator, 'coordinator'], [worker, 'contributor'], [observer, 'observer']] as const) {
      const invitation = await api<{ token: string }>(server, `/api/workspaces/${workspaceId}/invitations`, { token: owner.token, body: { email: member.email, role } });
      await api(server, `/api/invitations/${invitation.token}/accept`, { token: member.token, body: {} });
    }
    boardId = (await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${workspaceId}/boards`, { token: owner.token })).items[0].id;
    firstColumnId = (await api<{ columns: Array<{ id: string }> }>(server, `/api/boards/${boardId}`, { token: owner.token })).columns[0].id;
  });

  async function signedIn(person: Person): Promise<Page> {
    const session = await e2e.open();
    await signIn(session.page, person.email, person.password);
    return session.page;
  }

  const createCard = (title: string, fields: Partial<Omit<Card, 'id' | 'version' | 'title'>> = {}) =>
    api<Card>(server, `/api/boards/${boardId}/cards`, { token: owner.token, body: { columnId: firstColumnId, title, ...fields } });

  const readCard = async (id: string) =>
    (await api<{ cards: Card[] }>(server, `/api/boards/${boardId}`, { token: owner.token })).cards.find((card) => card.id === id);

  /** The card's button on the board, once the board shows it. */
  async function boardCard(page: Page, title: string): Promise<Locator> {
    await page.goto(`/workspaces/${workspaceId}?tab=board`);
    const card = page.getByRole('region', { name: 'To do' }).getByRole('button', { name: title, exact: true });
    await card.waitFor();
    return card;
  }

  /** Board actions live in one menu. */
  async function boardAction(page: Page, name: string) {
    await page.getByRole('button', { name: 'Board actions' }).click();
    await page.getByRole('menuitem', { name }).click();
  }

  /** The whole card (its button holds only the title; labels, priority and people sit beside it). */
  const cardItem = (page: Page, title: string) =>
    page.getByRole('region', { name: 'To do' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });

  async function openCard(page: Page, title: string): Promise<Locator> {
    await (await boardCard(page, title)).click();
    await page.getByRole('dialog', { name: `Card details: ${title}` }).waitFor();
    // The dialog is named by the card's title, which may change while it is open.
    return page.getByRole('dialog');
  }

  it('lets a coordinator create a label, apply it and assign a member, and shows both on the card in another browser without a reload', async () => {
    const created = await createCard('Arrange shelter placement');
    const editor = await signedIn(coordinator);
    const watcher = await signedIn(owner);
    await boardCard(watcher, 'Arrange shelter placement');
    const watched = cardItem(watcher, 'Arrange shelter placement');
    // Anything a reload would wipe out.
    await watcher.evaluate(() => Object.assign(globalThis, { enlaceNoReload: true }));

    const dialog = await openCard(editor, 'Arrange shelter placement');
    await dialog.getByRole('button', { name: 'New label' }).click();
    await dialog.getByLabel('Label name').fill('Legal aid');
    await dialog.getByRole('radio', { name: 'Green' }).check();
    await dialog.getByRole('button', { name: 'Create label' }).click();
    // A label created from a card is applied to it.
    await dialog.getByRole('checkbox', { name: 'Legal aid', checked: true }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Ana Torres' }).check();
    await dialog.getByLabel('Responsible organisation').selectOption({ label: 'Fundación Refugio (Argentina)' });
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await dialog.getByRole('status').getByText('Saved.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await watched.getByText('Legal aid', { exact: true }).waitFor({ timeout: 10_000 });
    await watched.getByText('AT', { exact: true }).waitFor();
    // The chip and the avatar are pictures; the card's description says the same in words.
    await watched.getByText('Labels: Legal aid', { exact: true }).waitFor({ state: 'attached' });
    await watched.getByText('Assigned to Ana Torres', { exact: true }).waitFor({ state: 'attached' });
    expect(await watcher.evaluate(() => (globalThis as { enlaceNoReload?: boolean }).enlaceNoReload)).toBe(true);

    const board = await api<{ labels: Array<{ id: string; name: string; color: string }> }>(server, `/api/boards/${boardId}`, { token: owner.token });
    const label = board.labels.find((item) => item.name === 'Legal aid');
    expect(label?.color).toBe('#1f845a');
    expect(await readCard(created.id)).toMatchObject({ labelIds: [label?.id], assigneeIds: [worker.userId], responsibleOrganizationId: shelter.id });
  });

  it('shows an observer every field read-only, following changes made elsewhere while the dialog is open', async () => {
    const label = await api<{ id: string }>(server, `/api/boards/${boardId}/labels`, { token: owner.token, body: { name: 'Interpreter needed', color: '#f5cd47' } });
    const card = await createCard('Coordinate legal aid', { labelIds: [label.id], assigneeIds: [worker.userId], responsibleOrganizationId: shelter.id });
    const page = await signedIn(observer);
    const dialog = await openCard(page, 'Coordinate legal aid');

    expect(await dialog.getByLabel('Title').isEditable()).toBe(false);
    expect(await dialog.getByLabel('Priority').isDisabled()).toBe(true);
    const labels = dialog.getByRole('group', { name: 'Labels' });
    await labels.getByText('Interpreter needed', { exact: true }).waitFor();
    expect(await labels.getByRole('checkbox').count()).toBe(0);
    const assignees = dialog.getByRole('group', { name: 'Assignees' });
    await assignees.getByText('Ana Torres').waitFor();
    expect(await assignees.getByRole('checkbox').count()).toBe(0);
    const organization = dialog.getByLabel('Responsible organisation');
    expect(await organization.inputValue()).toBe(shelter.id);
    expect(await organization.isDisabled()).toBe(true);
    for (const name of ['New label', 'Save card', 'Archive card']) expect(await dialog.getByRole('button', { name }).count()).toBe(0);

    await api(server, `/api/cards/${card.id}`, { method: 'PATCH', token: owner.token, body: { version: card.version, priority: 'urgent', assigneeIds: [] } });
    await dialog.getByRole('group', { name: 'Assignees' }).getByText('Nobody is assigned.').waitFor({ timeout: 10_000 });
    expect(await dialog.getByLabel('Priority').inputValue()).toBe('urgent');
  });

  it('lets a contributor apply labels and assignees but not create labels', async () => {
    await createCard('Request identity documents');
    const page = await signedIn(worker);
    const dialog = await openCard(page, 'Request identity documents');
    await dialog.getByRole('checkbox', { name: 'Carlos Ruiz' }).waitFor();
    expect(await dialog.getByRole('group', { name: 'Labels' }).getByRole('checkbox').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('button', { name: 'New label' }).count()).toBe(0);
  });

  it('refuses to overwrite a newer version: shows the conflict and the latest card', async () => {
    const card = await createCard('Book an interpreter');
    const page = await signedIn(coordinator);
    const dialog = await openCard(page, 'Book an interpreter');
    await dialog.getByLabel('Description').fill('Quechua, for the hearing on Monday.');
    await api(server, `/api/cards/${card.id}`, { method: 'PATCH', token: owner.token, body: { version: card.version, title: 'Book a Quechua interpreter' } });

    await dialog.getByRole('button', { name: 'Save card' }).click();
    await dialog.getByRole('alert').getByText('Someone else saved this card while you were editing it.', { exact: false }).waitFor();
    // Their title, and the description typed here, kept on top of it: saving again changes only the description.
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Book a Quechua interpreter');
    expect(await dialog.getByLabel('Description').inputValue()).toBe('Quechua, for the hearing on Monday.');
    expect((await readCard(card.id))?.title).toBe('Book a Quechua interpreter');
    await dialog.getByRole('button', { name: 'Save card' }).click();
    await dialog.getByRole('status').getByText('Saved.').waitFor();
    expect(await readCard(card.id)).toMatchObject({ title: 'Book a Quechua interpreter', description: 'Quechua, for the hearing on Monday.', version: card.version + 2 });
  });

  it('finds an archived card again and restores it; an observer sees the archive change live but cannot restore', async () => {
    await createCard('Close duplicate referral');
    const watcher = await signedIn(observer);
    await boardCard(watcher, 'Close duplicate referral');
    await watcher.evaluate(() => Object.assign(globalThis, { enlaceNoReload: true }));
    await boardAction(watcher, 'Archived cards');
    const watched = watcher.getByRole('dialog', { name: 'Archived cards' });
    await watched.getByText('No card of this board is archived.').waitFor();

    const editor = await signedIn(coordinator);
    const dialog = await openCard(editor, 'Close duplicate referral');
    await dialog.getByRole('button', { name: 'Archive card' }).click();
    await editor.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Close duplicate referral', exact: true }).waitFor({ state: 'detached' });

    // The observer's open list follows, without a reload, and offers no way to restore.
    await watched.getByText('Close duplicate referral').waitFor();
    expect(await watched.getByRole('button', { name: /^Restore/ }).count()).toBe(0);

    await boardAction(editor, 'Archived cards');
    const archive = editor.getByRole('dialog', { name: 'Archived cards' });
    await archive.getByRole('button', { name: 'Restore Close duplicate referral' }).click();
    await archive.getByRole('status').getByText('“Close duplicate referral” is back on the board.').waitFor();
    await archive.getByText('No card of this board is archived.').waitFor();
    await archive.getByRole('button', { name: 'Close' }).click();
    await editor.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Close duplicate referral', exact: true }).waitFor();
    await watched.getByText('No card of this board is archived.').waitFor();
    expect(await watcher.evaluate(() => (globalThis as { enlaceNoReload?: boolean }).enlaceNoReload)).toBe(true);
  });
});
