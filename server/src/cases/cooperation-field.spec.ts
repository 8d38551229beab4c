import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Where `cooperatesWithAuthorities` may be read: the case schema (shared request and response shapes), the
 * table and its entity, the mapper between them, the client types generated from the schema and the case
 * form. Anywhere else, reading it could make assistance or a referral depend on it, which nothing may.
 */
const ALLOWED = new Set([
  'shared/src/cases.ts',
  'migrations/1796700000000-CreateCases.ts',
  'server/src/cases/case.entities.ts',
  'server/src/cases/cases.dto.ts',
  'client/src/api/schema.d.ts',
  'client/src/features/cases/components/case-record-form.tsx',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    return /\.(ts|tsx|js|mjs|sql)$/.test(entry.name) && !/\.(spec|test|e2e)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('cooperatesWithAuthorities', () => {
  it('is read nowhere but the case schema, table, entity, mapper and form', () => {
    const files = ['server/src', 'shared/src', 'client/src', 'migrations', 'scripts'].flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const readers = files
      .filter((file) => /cooperatesWithAuthorities|cooperates_with_authorities/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .filter((file) => !ALLOWED.has(file));
    expect(readers).toEqual([]);
  });
});
