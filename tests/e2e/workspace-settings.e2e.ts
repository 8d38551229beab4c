import { api, ministryColleagues, signIn } from './support/app.js';
import { browserHarness } from './support/harness.js';

describe('workspace settings', () => {
  const e2e = browserHarness();

  it('lets the owner rename, describe and archive a workspace, find it among the archived ones, and restore it', async () => {
    const { owner, coordinator } = await ministryColleagues(e2e.server);
    const workspace = await api<{ id: string }>(e2e.server, '/api/workspaces', { token: owner.token, body: { kind: 'coordination', title: 'Mesa' } });
    const invitation = await api<{ token: string }>(e2e.server, `/api/workspaces/${workspace.id}/invitations`, { token: owner.token, body: { email: coordinator.email, role: 'coordinator' } });
    await api(e2e.server, `/api/invitations/${invitation.token}/accept`, { token: coordinator.token, body: {} });

    const { page } = await e2e.open();
    await signIn(page, owner.email, owner.password);
    await page.goto(`/workspaces/${workspace.id}`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByLabel(/^Title/).fill('Mesa norte');
    await settings.getByLabel('Description').fill('Coordinación en la frontera norte');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The workspace was updated.').waitFor();
    await page.getByRole('heading', { name: 'Mesa norte', level: 1 }).waitFor();

    await page.getByRole('region', { name: 'Archive' }).getByRole('button', { name: 'Archive workspace' }).click();
    const confirm = page.getByRole('dialog', { name: 'Archive “Mesa norte”?' });
    await confirm.getByRole('button', { name: 'Archive workspace' }).click();
    await page.getByText('The workspace is archived and read-only.').first().waitFor();
    await page.getByRole('button', { name: 'Restore workspace' }).waitFor();

    // A coordinator of the archived workspace may change nothing: no settings for them.
    const other = (await e2e.open()).page;
    await signIn(other, coordinator.email, coordinator.password);
    await other.goto(`/workspaces/${workspace.id}`);
    await other.getByRole('tab', { name: 'Members' }).waitFor();
    expect(await other.getByRole('tab', { name: 'Settings' }).count()).toBe(0);

    await page.goto('/workspaces');
    const archived = page.getByRole('region', { name: 'Archived workspaces' });
    await archived.getByRole('link', { name: 'Mesa norte' }).waitFor();
    expect(await page.getByRole('region', { name: 'Your workspaces' }).getByRole('link', { name: 'Mesa norte' }).count()).toBe(0);

    await archived.getByRole('link', { name: 'Mesa norte' }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Restore workspace' }).click();
    await page.getByText('The workspace was restored.').waitFor();
    await page.goto('/workspaces');
    await page.getByRole('region', { name: 'Your workspaces' }).getByRole('link', { name: 'Mesa norte' }).waitFor();
    await page.getByRole('region', { name: 'Archived workspaces' }).getByText('No archived workspaces.').waitFor();
  });
});
