import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createAccount, startWithOrganization, type SignedIn } from '../factories/accounts.factory.js';
import { createWorkspace } from '../factories/workspace.factory.js';
import { mailHeader, messagesTo, resetTokenFor } from '../support/outbox.js';
import type { TestApp } from '../support/test-app.js';

describe('the account’s language, and the language of e-mails', () => {
  let app: TestApp;
  let admin: SignedIn;
  let organizationId: string;

  beforeAll(async () => {
    ({ app, admin, organizationId } = await startWithOrganization());
  });
  afterAll(() => app.close());

  const setLanguage = (who: SignedIn, locale: string) => request(app.url).patch('/api/me').set(bearer(who)).send({ locale });
  const subjectTo = (email: string) => messagesTo(app.config.dataDir, email).map((eml) => mailHeader(eml, 'Subject'));

  it('saves the interface language on the account, records it on the platform log, and refuses anything else', async () => {
    const person = await createAccount(app, admin, organizationId);
    const saved = await setLanguage(person, 'es').expect(200);
    expect(saved.body).toMatchObject({ id: person.user.id, locale: 'es' });
    expect((await request(app.url).get('/api/me').set(bearer(person)).expect(200)).body.user.locale).toBe('es');

    expect((await setLanguage(person, 'de').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(app.url).patch('/api/me').set(bearer(person)).send({ locale: 'fr', displayName: 'x' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await request(app.url).patch('/api/me').send({ locale: 'fr' }).expect(401);
    expect((await request(app.url).get('/api/me').set(bearer(person)).expect(200)).body.user.locale).toBe('es');

    const logged: Array<{ type: string; payload: unknown; actor_id: string }> = await app.app
      .get(DataSource)
      .query(`SELECT type, payload, actor_id FROM platform_events WHERE entity_id = $1 ORDER BY seq`, [person.user.id]);
    expect(logged).toEqual([{ type: 'account.locale_changed', payload: { userId: person.user.id, locale: 'es' }, actor_id: person.user.id }]);
  });

  it('writes an invitation in the inviter’s language: the .eml in the outbox is in Spanish', async () => {
    const inviter = await createAccount(app, admin, organizationId);
    await setLanguage(inviter, 'es').expect(200);
    const workspace = await createWorkspace(app, inviter, { title: 'Mesa de trata' });
    await request(app.url).post(`/api/workspaces/${workspace.id}/invitations`).set(bearer(inviter)).send({ email: 'nueva@refugio.test', role: 'contributor' }).expect(201);
    const [eml] = messagesTo(app.config.dataDir, 'nueva@refugio.test');
    expect(mailHeader(eml, 'Subject')).toBe('Invitación al espacio de trabajo «Mesa de trata» en Enlace');
  });

  it('writes it in the language the inviter chose instead, and keeps it when resent', async () => {
    const inviter = await createAccount(app, admin, organizationId);
    await setLanguage(inviter, 'es').expect(200);
    const workspace = await createWorkspace(app, inviter, { title: 'Rede' });
    const created = await request(app.url)
      .post(`/api/workspaces/${workspace.id}/invitations`)
      .set(bearer(inviter))
      .send({ email: 'convidada@ong.test', role: 'observer', locale: 'pt' })
      .expect(201);
    await request(app.url).post(`/api/workspaces/${workspace.id}/invitations/${created.body.id}/resend`).set(bearer(inviter)).send({}).expect(200);
    await request(app.url).post(`/api/workspaces/${workspace.id}/invitations/${created.body.id}/resend`).set(bearer(inviter)).send({ locale: 'fr' }).expect(200);
    expect(subjectTo('convidada@ong.test')).toEqual([
      'Convite para o espaço de trabalho “Rede” no Enlace',
      'Convite para o espaço de trabalho “Rede” no Enlace',
      expect.stringMatching(/^Invitation à l’espace de travail/),
    ]);
  });

  it('writes it in the invitee’s own language when they have an account with one', async () => {
    const inviter = await createAccount(app, admin, organizationId);
    await setLanguage(inviter, 'es').expect(200);
    const invitee = await createAccount(app, admin, organizationId);
    await setLanguage(invitee, 'fr').expect(200);
    const workspace = await createWorkspace(app, inviter, { title: 'Réseau' });
    await request(app.url).post(`/api/workspaces/${workspace.id}/invitations`).set(bearer(inviter)).send({ email: invitee.user.email, role: 'observer' }).expect(201);
    expect(subjectTo(invitee.user.email)).toEqual([expect.stringMatching(/^Invitation à l’espace de travail «\u00a0Réseau\u00a0»/)]);
  });

  it('sends the password reset in the account’s saved language', async () => {
    const person = await createAccount(app, admin, organizationId);
    await setLanguage(person, 'es').expect(200);
    await request(app.url).post('/api/auth/password/forgot').send({ email: person.user.email }).expect(202);
    await resetTokenFor(app.config.dataDir, person.user.email);
    expect(subjectTo(person.user.email)[0]).toMatch(/contraseña/i);
  });
});
