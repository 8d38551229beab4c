import { PGlite } from '@electric-sql/pglite';
import { createMongoAbility, subject, type RawRuleOf } from '@casl/ability';
import { DataSource } from 'typeorm';
import { defineAbilityFor, type AbilityMembership, type AbilityUser, type AppAbility } from '../../../../shared/src/permissions.js';
import { abilityWhere } from './ability-sql.js';

const user: AbilityUser = { id: 'user-me', organizationId: 'org-1', orgRole: 'member', platformAdmin: false };
const member = (workspaceId: string, role: AbilityMembership['role'], workspaceArchived = false): AbilityMembership => ({
  workspaceId,
  role,
  sensitiveAccess: false,
  assistanceAccess: false,
  lawEnforcement: false,
  workspaceArchived,
});
const COMMITMENT_COLUMNS = { workspaceId: 'c.workspace_id', responsibleOrganizationId: 'c.responsible_organization_id' };
const rules = (...list: RawRuleOf<AppAbility>[]) => createMongoAbility<AppAbility>(list);

describe('abilityWhere', () => {
  it('gives FALSE when no rule allows the action', () => {
    expect(abilityWhere(defineAbilityFor(user, []), 'read', 'Workspace', { workspaceId: 'w.id' })).toEqual({ sql: 'FALSE', params: {} });
  });

  it('gives TRUE for an unconditional rule', () => {
    expect(abilityWhere(defineAbilityFor(user, []), 'read', 'Organization', {})).toEqual({ sql: 'TRUE', params: {} });
  });

  it('scopes a list to the caller’s workspaces with one IN parameter, named with the prefix', () => {
    const ability = defineAbilityFor(user, [member('ws-a', 'owner'), member('ws-b', 'observer', true)]);
    expect(abilityWhere(ability, 'read', 'Workspace', { workspaceId: 'w.id' }, 'ws')).toEqual({
      sql: 'w.id IN (:...ws0)',
      params: { ws0: ['ws-a', 'ws-b'] },
    });
  });

  it('leaves archived workspaces out of write scopes', () => {
    const ability = defineAbilityFor(user, [member('ws-a', 'contributor'), member('ws-b', 'owner', true)]);
    expect(abilityWhere(ability, 'update', 'Card', { workspaceId: 'k.workspace_id' })).toEqual({ sql: 'k.workspace_id IN (:...p0)', params: { p0: ['ws-a'] } });
  });

  it('ORs a role’s workspaces with a contributor’s attribute condition', () => {
    const ability = defineAbilityFor(user, [member('ws-a', 'coordinator'), member('ws-b', 'contributor')]);
    expect(abilityWhere(ability, 'update', 'Commitment', COMMITMENT_COLUMNS)).toEqual({
      sql: '((c.workspace_id IN (:...p0) AND c.responsible_organization_id = :p1) OR c.workspace_id IN (:...p2))',
      params: { p0: ['ws-b'], p1: 'org-1', p2: ['ws-a'] },
    });
  });

  it('scopes the invitations a coordinator may create to the roles they may hand out', () => {
    const ability = defineAbilityFor(user, [member('ws-a', 'coordinator')]);
    expect(abilityWhere(ability, 'create', 'Invitation', { workspaceId: 'i.workspace_id', role: 'i.role' }, 'inv')).toEqual({
      sql: '(i.workspace_id IN (:...inv0) AND i.role IN (:...inv1))',
      params: { inv0: ['ws-a'], inv1: ['contributor', 'observer'] },
    });
  });

  it('writes NULL-aware SQL for $eq, $ne, $in and $nin', () => {
    const where = (conditions: RawRuleOf<AppAbility>['conditions']) =>
      abilityWhere(rules({ action: 'update', subject: 'Commitment', conditions }), 'update', 'Commitment', COMMITMENT_COLUMNS).sql;
    expect(where({ responsibleOrganizationId: null })).toBe('c.responsible_organization_id IS NULL');
    expect(where({ responsibleOrganizationId: { $eq: 'org-1' } })).toBe('c.responsible_organization_id = :p0');
    expect(where({ responsibleOrganizationId: { $ne: 'org-1' } })).toBe('c.responsible_organization_id IS DISTINCT FROM :p0');
    expect(where({ responsibleOrganizationId: { $ne: null } })).toBe('c.responsible_organization_id IS NOT NULL');
    expect(where({ responsibleOrganizationId: { $in: ['org-1', null] } })).toBe('(c.responsible_organization_id IN (:...p0) OR c.responsible_organization_id IS NULL)');
    expect(where({ responsibleOrganizationId: { $in: [] } })).toBe('FALSE');
    expect(where({ responsibleOrganizationId: { $nin: ['org-1'] } })).toBe('(c.responsible_organization_id IS NULL OR c.responsible_organization_id NOT IN (:...p0))');
    expect(where({ responsibleOrganizationId: { $nin: ['org-1', null] } })).toBe('(c.responsible_organization_id IS NOT NULL AND c.responsible_organization_id NOT IN (:...p0))');
    expect(where({ responsibleOrganizationId: { $nin: [] } })).toBe('TRUE');
  });

  it('bounds each allowing rule by the refusing rules above it', () => {
    const ability = rules(
      { action: 'update', subject: 'Commitment', conditions: { workspaceId: 'ws-a' } },
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: 'org-2' }, inverted: true },
    );
    expect(abilityWhere(ability, 'update', 'Commitment', COMMITMENT_COLUMNS)).toEqual({
      sql: '(c.workspace_id = :p1 AND (c.responsible_organization_id = :p0) IS NOT TRUE)',
      params: { p0: 'org-2', p1: 'ws-a' },
    });
    const everythingBut = rules({ action: 'read', subject: 'Card' }, { action: 'read', subject: 'Card', conditions: { workspaceId: 'ws-a' }, inverted: true });
    expect(abilityWhere(everythingBut, 'read', 'Card', { workspaceId: 'k.workspace_id' })).toEqual({
      sql: '(k.workspace_id = :p0) IS NOT TRUE',
      params: { p0: 'ws-a' },
    });
    const refusedOutright = rules({ action: 'read', subject: 'Card', conditions: { workspaceId: 'ws-a' } }, { action: 'read', subject: 'Card', inverted: true });
    expect(abilityWhere(refusedOutright, 'read', 'Card', { workspaceId: 'k.workspace_id' })).toEqual({ sql: 'FALSE', params: {} });
  });

  it('never puts a value into the SQL text', () => {
    const hostile = "x') OR 1=1 --";
    const ability = defineAbilityFor({ ...user, id: hostile, organizationId: hostile }, [member(hostile, 'contributor')]);
    const { sql, params } = abilityWhere(ability, 'delete', 'Membership', { workspaceId: 'm.workspace_id', userId: 'm.user_id' });
    expect(sql).toBe('(m.workspace_id IN (:...p0) AND m.user_id = :p1)');
    expect(params).toEqual({ p0: [hostile], p1: hostile });
  });

  it('fails closed on a condition field it has no column for', () => {
    const ability = defineAbilityFor(user, [member('ws-a', 'contributor')]);
    expect(() => abilityWhere(ability, 'update', 'Commitment', { workspaceId: 'c.workspace_id' })).toThrow(
      'abilityWhere(update Commitment): no column for condition field "responsibleOrganizationId"',
    );
  });

  it('fails closed on an operator or a value it does not know', () => {
    const greater = rules({ action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: { $gt: 'org-1' } } });
    expect(() => abilityWhere(greater, 'update', 'Commitment', COMMITMENT_COLUMNS)).toThrow('unsupported operator "gt"');
    // CASL reads an object it does not understand as a value to compare with; SQL must not.
    const objectValue = rules({ action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: { $not: { $eq: 'org-1' } } } as never });
    expect(() => abilityWhere(objectValue, 'update', 'Commitment', COMMITMENT_COLUMNS)).toThrow('unsupported value for "responsibleOrganizationId" eq');
  });
});

describe('abilityWhere on a real PostgreSQL', () => {
  let db: PGlite;
  // TypeORM's own expansion of `:name` and `:...name`, exactly as a repository's query builder does it.
  const driver = new DataSource({ type: 'postgres' }).driver;
  const WORKSPACES = ['ws-a', 'ws-b', 'ws-c'];
  const ORGANIZATIONS = ['org-1', 'org-2', null];

  beforeAll(async () => {
    db = await PGlite.create('memory://');
    await db.exec('CREATE TABLE commitments (id serial PRIMARY KEY, workspace_id text NOT NULL, responsible_organization_id text)');
    for (const workspaceId of WORKSPACES) {
      for (const organizationId of ORGANIZATIONS) {
        await db.query('INSERT INTO commitments (workspace_id, responsible_organization_id) VALUES ($1, $2)', [workspaceId, organizationId]);
      }
    }
  });
  afterAll(() => db.close());

  const ABILITIES: Array<[string, AppAbility]> = [
    ['a coordinator here and a contributor there', defineAbilityFor(user, [member('ws-a', 'coordinator'), member('ws-b', 'contributor')])],
    ['an owner of an archived workspace', defineAbilityFor(user, [member('ws-a', 'owner', true)])],
    ['a contributor without an organisation', defineAbilityFor({ ...user, organizationId: null }, [member('ws-a', 'contributor')])],
    ['$ne, with a refusal on NULL', rules(
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: { $ne: 'org-1' } } },
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: null, workspaceId: 'ws-c' }, inverted: true },
    )],
    ['$nin and $in with null', rules(
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: { $nin: ['org-2'] }, workspaceId: { $in: ['ws-a', 'ws-b'] } } },
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: { $in: ['org-2', null] }, workspaceId: 'ws-c' } },
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: { $nin: ['org-1', null] } }, inverted: true },
    )],
    ['a refusal whose condition is NULL on some rows', rules(
      { action: 'update', subject: 'Commitment' },
      { action: 'update', subject: 'Commitment', conditions: { responsibleOrganizationId: 'org-1' }, inverted: true },
    )],
  ];

  it.each(ABILITIES)('selects exactly the rows CASL allows for %s', async (_name, ability) => {
    const { sql, params } = abilityWhere(ability, 'update', 'Commitment', COMMITMENT_COLUMNS);
    const [query, values] = driver.escapeQueryWithParameters(`SELECT workspace_id, responsible_organization_id FROM commitments c WHERE ${sql} ORDER BY id`, params);
    const selected = (await db.query<{ workspace_id: string; responsible_organization_id: string | null }>(query, values)).rows;
    const all = (await db.query<{ workspace_id: string; responsible_organization_id: string | null }>('SELECT * FROM commitments ORDER BY id')).rows;
    const allowed = all.filter((row) =>
      ability.can('update', subject('Commitment', { workspaceId: row.workspace_id, responsibleOrganizationId: row.responsible_organization_id })),
    );
    expect(selected).toEqual(allowed.map(({ workspace_id, responsible_organization_id }) => ({ workspace_id, responsible_organization_id })));
  });
});
