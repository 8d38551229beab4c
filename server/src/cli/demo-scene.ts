import type { INestApplicationContext } from '@nestjs/common';
import type { CreateOrganizationInput, OrganizationDto, OrgRole } from '@enlace/shared';
import { AccountsService } from '../accounts/accounts.service.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { BoardStructureRepository } from '../boards/board-structure.repository.js';
import { BoardsService } from '../boards/boards.service.js';
import { CardsService } from '../boards/cards.service.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { seedAgreement } from './demo-agreement.js';
import { seedCases } from './demo-cases.js';

export const DEMO_PASSWORD = 'enlace-demo-2026';

export interface DemoAccount {
  email: string;
  password: string;
  description: string;
}

const ORGANIZATIONS: Record<string, CreateOrganizationInput> = {
  ministry: { name: 'Ministerio de Justicia y Derechos Humanos', kind: 'central_government', country: 'AR' },
  // Law enforcement (set below): its people read a case's assistance track only with an owner's grant.
  police: { name: 'Policía Federal — División Trata de Personas', kind: 'central_government', country: 'AR' },
  santaFe: { name: 'Gobierno de la Provincia de Santa Fe', kind: 'local_government', country: 'AR', jurisdiction: 'Provincia de Santa Fe' },
  rosario: { name: 'Municipalidad de Rosario', kind: 'local_government', country: 'AR', jurisdiction: 'Rosario, Santa Fe' },
  encarnacion: { name: 'Municipalidad de Encarnación', kind: 'local_government', country: 'PY', jurisdiction: 'Encarnación, Itapúa' },
  refugio: { name: 'Fundación Refugio Seguro', kind: 'civil_society', country: 'AR' },
  caminos: { name: 'Asociación Caminos Libres', kind: 'civil_society', country: 'PY' },
  redLegal: { name: 'Red de Asistencia Legal', kind: 'civil_society', country: 'AR' },
  iom: { name: 'Oficina Regional de Migraciones', kind: 'international', country: 'AR' },
};

const PEOPLE: Array<{ key: string; org: keyof typeof ORGANIZATIONS; name: string; orgRole: OrgRole; description: string }> = [
  { key: 'lucia.fernandez', org: 'ministry', name: 'Lucía Fernández', orgRole: 'org_admin', description: 'ministry, org admin' },
  { key: 'martin.gomez', org: 'ministry', name: 'Martín Gómez', orgRole: 'member', description: 'ministry, analyst' },
  { key: 'carla.rios', org: 'police', name: 'Comisaria Carla Ríos', orgRole: 'org_admin', description: 'police unit, org admin' },
  { key: 'diego.sosa', org: 'police', name: 'Diego Sosa', orgRole: 'member', description: 'police unit, investigator' },
  { key: 'gabriela.ortiz', org: 'santaFe', name: 'Gabriela Ortiz', orgRole: 'org_admin', description: 'Province of Santa Fe, MoU focal point' },
  { key: 'ana.benitez', org: 'rosario', name: 'Ana Benítez', orgRole: 'org_admin', description: 'Rosario, social services' },
  { key: 'lorena.vega', org: 'rosario', name: 'Lorena Vega', orgRole: 'member', description: 'Rosario, municipal shelter social worker' },
  { key: 'jorge.villalba', org: 'encarnacion', name: 'Jorge Villalba', orgRole: 'org_admin', description: 'Encarnación, social services' },
  { key: 'sofia.martinez', org: 'refugio', name: 'Sofía Martínez', orgRole: 'org_admin', description: 'NGO Refugio Seguro, shelter lead' },
  { key: 'pablo.acosta', org: 'refugio', name: 'Pablo Acosta', orgRole: 'member', description: 'NGO Refugio Seguro, case worker' },
  { key: 'rosa.cabrera', org: 'caminos', name: 'Rosa Cabrera', orgRole: 'org_admin', description: 'NGO Caminos Libres, coordinator' },
  { key: 'elena.paredes', org: 'redLegal', name: 'Elena Paredes', orgRole: 'member', description: 'NGO Red Legal, lawyer' },
  { key: 'thomas.leclerc', org: 'iom', name: 'Thomas Leclerc', orgRole: 'member', description: 'international organisation, adviser' },
  { key: 'mariana.silva', org: 'iom', name: 'Mariana Silva', orgRole: 'org_admin', description: 'international organisation, programme lead' },
];

export interface DemoScene {
  organizations: Record<string, OrganizationDto>;
  users: Record<string, AuthUser>;
}

/** Organisations and people from two countries; later domains add their workspaces to the scene. */
export async function seedDemo(app: INestApplicationContext): Promise<DemoAccount[]> {
  const accounts = app.get(AccountsService);
  const usersRepository = app.get(UsersRepository);
  const existing = await accounts.listOrganizations(1);
  if (existing.items.length > 0) throw new Error('The database already has organisations; seed:demo only fills an empty hub.');

  // The seed acts as a platform administrator without an account: the platform log records the nil id as its actor.
  const platformAdmin: AuthUser = { id: '00000000-0000-0000-0000-000000000000', email: 'seed', organizationId: null, orgRole: 'member', platformAdmin: true };
  const organizations: DemoScene['organizations'] = {};
  for (const [key, input] of Object.entries(ORGANIZATIONS)) organizations[key] = await accounts.createOrganization(platformAdmin, input);
  organizations.police = await accounts.updateOrganization(platformAdmin, organizations.police.id, { lawEnforcement: true });

  const result: DemoAccount[] = [];
  const users: DemoScene['users'] = {};
  for (const person of PEOPLE) {
    const email = `${person.key}@demo.enlace.local`;
    const user = await accounts.createUser(platformAdmin, organizations[person.org].id, {
      email,
      displayName: person.name,
      password: DEMO_PASSWORD,
      orgRole: person.orgRole,
    });
    const entity = await usersRepository.findActiveById(user.id);
    users[person.key] = { id: user.id, email, organizationId: entity!.organizationId, orgRole: person.orgRole, platformAdmin: false };
    result.push({ email, password: DEMO_PASSWORD, description: person.description });
  }
  await seedWorkspaces(app, users);
  await seedAgreement(
    app,
    { coordinator: users['lucia.fernandez'], analyst: users['martin.gomez'], province: users['gabriela.ortiz'], shelter: users['sofia.martinez'], lawyer: users['elena.paredes'] },
    { ministry: organizations.ministry.id, province: organizations.santaFe.id, shelter: organizations.refugio.id, lawyer: organizations.redLegal.id },
  );
  await seedCases(
    app,
    {
      ngoLead: users['sofia.martinez'],
      caseWorker: users['pablo.acosta'],
      investigator: users['diego.sosa'],
      municipalAdmin: users['ana.benitez'],
      socialWorker: users['lorena.vega'],
      borderNgo: users['rosa.cabrera'],
      borderMunicipality: users['jorge.villalba'],
    },
    { police: organizations.police.id, rosario: organizations.rosario.id, encarnacion: organizations.encarnacion.id, redLegal: organizations.redLegal.id },
  );
  return result;
}

type Role = 'coordinator' | 'contributor' | 'observer';

/** Members join the way people really do: invited by the owner, accepting the link. */
async function seedWorkspace(
  app: INestApplicationContext,
  owner: AuthUser,
  input: { kind: 'case' | 'coordination'; title: string; description: string },
  members: Array<[AuthUser, Role]>,
  cards: Array<[string, number]>,
): Promise<void> {
  const workspaces = app.get(WorkspacesService);
  const invitations = app.get(InvitationsService);
  const boards = app.get(BoardsService);
  const cardsService = app.get(CardsService);
  // The demo's content is in English, so are its boards.
  const workspace = await workspaces.create(owner, input, 'en');
  for (const [member, role] of members) {
    const { token } = await invitations.create(owner, workspace.id, { email: member.email, role });
    await invitations.accept(token, member, {});
  }
  const [summary] = (await boards.list(owner, workspace.id)).items;
  const columns = await app.get(BoardStructureRepository).columns(summary.id);
  for (const [title, column] of cards) await cardsService.create(owner, summary.id, { columnId: columns[column].id, title });
}

async function seedWorkspaces(app: INestApplicationContext, users: DemoScene['users']): Promise<void> {
  await seedWorkspace(
    app,
    users['sofia.martinez'],
    { kind: 'case', title: 'Caso AR-2026-0042', description: 'Identified at the Rosario bus terminal; shelter placement and legal aid.' },
    [
      [users['pablo.acosta'], 'contributor'],
      [users['ana.benitez'], 'coordinator'],
      [users['elena.paredes'], 'contributor'],
      [users['diego.sosa'], 'observer'],
    ],
    [
      ['Shelter placement confirmed', 2],
      ['Health check at the municipal clinic', 1],
      ['Legal aid: first interview', 0],
      ['Documentation: request identity papers', 0],
    ],
  );
  await seedWorkspace(
    app,
    users['lucia.fernandez'],
    { kind: 'coordination', title: 'Mesa interinstitucional Rosario–Encarnación', description: 'Cross-border coordination of referrals and prevention campaigns.' },
    [
      [users['martin.gomez'], 'coordinator'],
      [users['carla.rios'], 'contributor'],
      [users['ana.benitez'], 'contributor'],
      [users['jorge.villalba'], 'contributor'],
      [users['rosa.cabrera'], 'contributor'],
      [users['thomas.leclerc'], 'observer'],
    ],
    [
      ['Agree on a shared referral form', 1],
      ['Prevention campaign at the border crossing', 0],
      ['Monthly case review meeting', 0],
      ['Map shelters on both sides of the border', 2],
    ],
  );
}
