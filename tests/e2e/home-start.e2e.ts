import { adminToken, api, createOrganization, createPerson, signIn } from './support/app.js';
import { browserHarness } from './support/harness.js';

describe('the start page', () => {
  const e2e = browserHarness();

  it('lists my workspaces most recently active first with kind, role and unread activity, and answers my invitations in place', async () => {
    const server = e2e.server;
    const admin = await adminToken(server);
    const ministry = await createOrganization(server, admin, 'Ministerio de Justicia', 'central_government');
    const ngo = await createOrganization(server, admin, 'Fundación Refugio', 'civil_society');
    const owner = await createPerson(server, admin, ministry.id, 'owner@ministerio.test', 'Laura Méndez');
    const colleague = await createPerson(server, admin, ministry.id, 'colleague@ministerio.test', 'Carlos Ruiz');
    const worker = await createPerson(server, admin, ngo.id, 'lucia@refugio.test', 'Lucía Gómez');

    const quiet = await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'case', title: 'Caso AR-2026-0042' } });
    const busy = await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'coordination', title: 'Mesa interinstitucional' } });
    // Invitations to the NGO worker: one to accept, one to decline, from the home page.
    await api(server, `/api/workspaces/${busy.id}/invitations`, { token: owner.token, body: { email: worker.email, role: 'observer', message: 'Bienvenida a la mesa' } });
    await api(server, `/api/workspaces/${quiet.id}/invitations`, { token: owner.token, body: { email: worker.email, role: 'contributor' } });
    const invitation = await api<{ token: string }>(server, `/api/workspaces/${busy.id}/invitations`, { token: owner.token, body: { email: colleague.email, role: 'contributor' } });
    await api(server, `/api/invitations/${invitation.token}/accept`, { token: colleague.token, body: {} });
    const [board] = (await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${busy.id}/boards`, { token: owner.token })).items;
    const full = await api<{ columns: Array<{ id: string }> }>(server, `/api/boards/${board.id}`, { token: owner.token });
    for (const title of ['Call the shelter', 'Book the interpreter']) {
      await api(server, `/api/boards/${board.id}/cards`, { token: colleague.token, body: { columnId: full.columns[0].id, title } });
    }
    const cards = await api<{ cards: Array<{ id: string; title: string; version: number }> }>(server, `/api/boards/${board.id}`, { token: owner.token });
    const shelter = cards.cards.find((card) => card.title === 'Call the shelter')!;
    await api(server, `/api/cards/${shelter.id}`, { method: 'PATCH', token: colleague.token, body: { version: shelter.version, assigneeIds: [owner.userId], dueDate: '2027-01-15', priority: 'urgent' } });

    const { page } = await e2e.open();
    await signIn(page, owner.email, owner.password);
    await page.goto('/');
    const mine = page.getByRole('region', { name: 'Your workspaces' });
    const items = mine.getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual([
      expect.stringMatching(/^Mesa interinstitucional\s+Coordination · Owner · Last activity .+\s+5 new$/i),
      expect.stringMatching(/^Caso AR-2026-0042\s+Case · Owner · Last activity [^\n]+$/),
    ]);
    // Others' doings since the owner last looked: the colleague's accepting and joining, two cards and an assignment.
    const assigned = page.getByRole('region', { name: 'Assigned to me' });
    expect((await assigned.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^Call the shelter Mesa interinstitucional · To do · Due Jan 15, 2027 Urgent$/i),
    ]);
    expect(await page.getByText('You are not a member of any workspace yet').count()).toBe(0);

    // Opening the workspace marks it seen.
    await mine.getByRole('link', { name: 'Mesa interinstitucional' }).click();
    await page.getByRole('region', { name: 'To do' }).waitFor();
    await page.goto('/');
    await mine.getByRole('link', { name: 'Mesa interinstitucional' }).waitFor();
    await mine.getByText(/5 new/i).waitFor({ state: 'detached' });
    expect(await items.first().innerText()).toMatch(/^Mesa interinstitucional\s+Coordination · Owner · Last activity [^\n]+$/);

    const session = await e2e.open();
    const workerPage = session.page;
    await signIn(workerPage, worker.email, worker.password);
    await workerPage.goto('/');
    const inbox = workerPage.getByRole('region', { name: 'Invitations for you' });
    await inbox.getByText('Laura Méndez (Ministerio de Justicia) invites you as Observer').waitFor();
    expect(await inbox.innerText()).toContain('Bienvenida a la mesa');
    await inbox.getByRole('button', { name: 'Accept the invitation to Mesa interinstitucional' }).click();
    await workerPage.getByText('You joined Mesa interinstitucional.').waitFor();
    await workerPage.getByRole('region', { name: 'Your workspaces' }).getByRole('link', { name: 'Mesa interinstitucional' }).waitFor();
    await inbox.getByRole('button', { name: 'Decline the invitation to Caso AR-2026-0042' }).click();
    await workerPage.getByText('You declined the invitation to Caso AR-2026-0042.').waitFor();
    await inbox.waitFor({ state: 'detached' });
    expect(await workerPage.getByRole('region', { name: 'Your workspaces' }).getByRole('link').allInnerTexts()).toEqual(['All workspaces', 'Mesa interinstitucional']);
  });
});
