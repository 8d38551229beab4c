import type { Page } from 'playwright-core';
import { adminToken, api, signIn } from './support/app.js';
import { pathOf } from './support/browser.js';
import { browserHarness } from './support/harness.js';
import type { E2eServer } from './support/server.js';

describe('collaborating across organisations', () => {
  const e2e = browserHarness();
  let server: E2eServer;
  let coordinator: { email: string; password: string; token: string };
  let owner: { email: string; password: string; token: string };

  beforeAll(async () => {
    server = e2e.server;
    const admin = { accessToken: await adminToken(server) };
    const ministry = await api<{ id: string }>(server, '/api/organizations', {
      token: admin.accessToken,
      body: { name: 'Ministerio de Justicia', kind: 'central_government', country: 'AR' },
    });
    const person = async (email: string) => {
      const password = 'a-long-demo-password';
      const user = await api<{ id: string }>(server, `/api/organizations/${ministry.id}/users`, {
        token: admin.accessToken,
        body: { email, displayName: email.split('@')[0], password, orgRole: 'member' },
      });
      return { email, password, userId: user.id, token: (await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email, password } })).accessToken };
    };
    owner = await person('owner@ministerio.test');
    coordinator = await person('coordinator@ministerio.test');
  });

  async function newPage(): Promise<Page> {
    const session = await e2e.open();
    return session.page;
  }

  async function workspaceWithCoordinator(title: string): Promise<string> {
    const workspace = await api<{ id: string }>(server, '/api/workspaces', { token: owner.token, body: { kind: 'coordination', title } });
    const invitation = await api<{ token: string }>(server, `/api/workspaces/${workspace.id}/invitations`, {
      token: owner.token,
      body: { email: coordinator.email, role: 'coordinator' },
    });
    await api(server, `/api/invitations/${invitation.token}/accept`, { token: coordinator.token, body: {} });
    return workspace.id;
  }

  it('lets a coordinator invite an NGO worker, who creates an account from the link and then sees the workspace', async () => {
    const workspaceId = await workspaceWithCoordinator('Caso AR-2026-0101');
    const coordinatorPage = await newPage();
    await signIn(coordinatorPage, coordinator.email, coordinator.password);
    await coordinatorPage.goto(`/workspaces/${workspaceId}?tab=invitations`);
    await coordinatorPage.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = coordinatorPage.getByRole('dialog', { name: 'Invite someone to this workspace' });
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('worker@refugio.test');
    await dialog.getByLabel('Role').selectOption('contributor');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = await dialog.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(link).toContain('/invitations/');

    const worker = await newPage();
    // Before accepting, the workspace does not exist for them: no account, so the app asks to sign in.
    await worker.goto(`/workspaces/${workspaceId}`);
    await worker.waitForURL('**/login**');

    await worker.goto(new URL(link).pathname);
    await worker.getByRole('heading', { name: 'You are invited to “Caso AR-2026-0101”' }).waitFor();
    await worker.getByLabel('Your name').fill('Trabajadora Social');
    await worker.getByLabel('Password (at least 12 characters)').fill('a-long-enough-password');
    await worker.getByRole('button', { name: 'Create account and accept' }).click();
    // No organisation owns their e-mail's domain, so they are asked for theirs; this NGO is not in the directory.
    await worker.getByRole('heading', { name: 'Which organisation do you belong to?' }).waitFor();
    await worker.getByRole('combobox', { name: 'Your organisation' }).click();
    await worker.getByRole('option', { name: 'My organisation is not listed' }).click();
    await worker.getByRole('button', { name: 'Continue' }).click();
    await worker.waitForURL(`**/workspaces/${workspaceId}**`);
    await worker.getByRole('region', { name: 'To do' }).waitFor();
    expect(pathOf(worker)).toBe(`/workspaces/${workspaceId}`);
  });

  it('shows a new member on the Members tab the moment their invitation is accepted, without a reload', async () => {
    const workspaceId = await workspaceWithCoordinator('Mesa de seguimiento');
    const ownerPage = await newPage();
    await signIn(ownerPage, owner.email, owner.password);
    await ownerPage.goto(`/workspaces/${workspaceId}?tab=members`);
    const members = ownerPage.getByRole('region', { name: 'Members' });
    await members.getByRole('cell', { name: 'coordinator', exact: true }).waitFor();
    expect(await members.getByRole('cell', { name: 'newcomer', exact: true }).count()).toBe(0);

    // Someone else accepts an invitation in another session, over the API.
    const admin = { accessToken: await adminToken(server) };
    const organizations = await api<{ items: Array<{ id: string }> }>(server, '/api/organizations', { token: admin.accessToken });
    const password = 'a-long-demo-password';
    await api(server, `/api/organizations/${organizations.items[0].id}/users`, {
      token: admin.accessToken,
      body: { email: 'newcomer@ministerio.test', displayName: 'newcomer', password, orgRole: 'member' },
    });
    const session = await api<{ accessToken: string }>(server, '/api/auth/login', { body: { email: 'newcomer@ministerio.test', password } });
    const invitation = await api<{ token: string }>(server, `/api/workspaces/${workspaceId}/invitations`, {
      token: owner.token,
      body: { email: 'newcomer@ministerio.test', role: 'observer' },
    });
    await api(server, `/api/invitations/${invitation.token}/accept`, { token: session.accessToken, body: {} });

    await members.getByRole('cell', { name: 'newcomer', exact: true }).waitFor({ timeout: 5000 });
  });

  it('shows a card moved in one browser moving in the other, without a reload', async () => {
    const workspaceId = await workspaceWithCoordinator('Mesa interinstitucional');
    const boards = await api<{ items: Array<{ id: string }> }>(server, `/api/workspaces/${workspaceId}/boards`, { token: owner.token });
    const board = await api<{ columns: Array<{ id: string }> }>(server, `/api/boards/${boards.items[0].id}`, { token: owner.token });
    await api(server, `/api/boards/${boards.items[0].id}/cards`, { token: owner.token, body: { columnId: board.columns[0].id, title: 'Request legal aid' } });

    const mover = await newPage();
    const watcher = await newPage();
    await signIn(mover, owner.email, owner.password);
    await signIn(watcher, coordinator.email, coordinator.password);
    for (const page of [mover, watcher]) {
      await page.goto(`/workspaces/${workspaceId}`);
      await page.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Request legal aid', exact: true }).waitFor();
    }

    // Keyboard drag and drop: pick up with Space, move right to the next column, drop.
    const card = mover.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Request legal aid', exact: true });
    await card.focus();
    // dnd-kit measures the droppables after pick-up; give each step a moment, as a person would.
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await mover.keyboard.press(key);
      await mover.waitForTimeout(250);
    }
    await mover.getByRole('region', { name: 'In progress' }).getByRole('button', { name: 'Request legal aid', exact: true }).waitFor();

    await watcher.getByRole('region', { name: 'In progress' }).getByRole('button', { name: 'Request legal aid', exact: true }).waitFor({ timeout: 10_000 });
    expect(await watcher.getByRole('region', { name: 'To do' }).getByRole('button', { name: 'Request legal aid', exact: true }).count()).toBe(0);
  });
});
