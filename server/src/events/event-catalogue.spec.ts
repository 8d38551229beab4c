import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_TYPES, EVENT_CATALOGUE, EVENT_TYPES, canReadEvent, defineAbilityFor, isEventType, type WorkspaceRole } from '@enlace/shared';

const SERVER_SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every event type literal in the files that record events: `tx.record` is typed from the catalogue,
 * but a type can also be chosen at run time from literals (`archived ? 'card.archived' : …`), so the
 * literals themselves are checked.
 */
function recordedTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SERVER_SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('tx.record(')) continue;
    for (const [, type] of text.matchAll(/'([a-z]+\.[a-z_]+)'/g)) {
      if ((ENTITY_TYPES as readonly string[]).includes(type.split('.')[0])) found.set(type, file);
    }
  }
  return found;
}

describe('the event catalogue', () => {
  it('lists every event type the server records', () => {
    const recorded = recordedTypes();
    expect(recorded.size).toBeGreaterThan(20);
    const missing = [...recorded].filter(([type]) => !isEventType(type)).map(([type, file]) => `${type} (${file})`);
    expect(missing).toEqual([]);
  });

  it('holds no entry that nothing records', () => {
    const recorded = recordedTypes();
    expect(EVENT_TYPES.filter((type) => !recorded.has(type))).toEqual([]);
  });

  it("names each event's entity after its type, and a read permission of the shared rules", () => {
    for (const type of EVENT_TYPES) {
      const { entityType, read } = EVENT_CATALOGUE[type];
      expect(ENTITY_TYPES).toContain(entityType);
      expect(read.action).toBe('read');
      // A read permission no member holds would hide the event from everyone.
      const owner = defineAbilityFor({ id: 'u', organizationId: null, orgRole: 'member', platformAdmin: false }, [
        { workspaceId: 'w', role: 'owner', sensitiveAccess: true, assistanceAccess: false, lawEnforcement: false, workspaceArchived: false },
      ]);
      expect([type, canReadEvent(owner, { type, workspaceId: 'w' })]).toEqual([type, true]);
    }
  });

  it('lets only owners and coordinators read invitation payloads, and every member the rest of a board', () => {
    const readers = (type: (typeof EVENT_TYPES)[number]) =>
      (['owner', 'coordinator', 'contributor', 'observer'] as WorkspaceRole[]).filter((role) =>
        canReadEvent(
          defineAbilityFor({ id: 'u', organizationId: 'o', orgRole: 'member', platformAdmin: false }, [{ workspaceId: 'w', role, sensitiveAccess: false, assistanceAccess: false, lawEnforcement: false, workspaceArchived: false }]),
          { type, workspaceId: 'w' },
        ),
      );
    expect(readers('invitation.created')).toEqual(['owner', 'coordinator']);
    expect(readers('card.moved')).toEqual(['owner', 'coordinator', 'contributor', 'observer']);
    expect(readers('member.added')).toEqual(['owner', 'coordinator', 'contributor', 'observer']);
    // Nobody reads a payload outside their workspaces, platform administrators included.
    const admin = defineAbilityFor({ id: 'a', organizationId: null, orgRole: 'member', platformAdmin: true }, []);
    expect(EVENT_TYPES.filter((type) => canReadEvent(admin, { type, workspaceId: 'w' }))).toEqual([]);
  });
});
