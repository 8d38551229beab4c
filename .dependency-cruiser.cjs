/**
 * Dependency rules checked in CI (`npm run check:deps`): the folder tree is the architecture, so it
 * must not tangle. See the README, "Architecture".
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one in disguise: invert the dependency (an interface, a hook) instead.',
      from: { path: '^(server|client|shared)/src/' },
      to: { circular: true },
    },
    {
      name: 'common-knows-no-domain',
      severity: 'error',
      comment:
        'server/src/common holds cross-cutting pieces (config, errors, auth guard, database); a domain plugs into it ' +
        '(an injection token, a hook), never the other way round.',
      from: { path: '^server/src/common/' },
      to: { path: '^server/src/', pathNot: '^server/src/common/' },
    },
    {
      name: 'shared-is-standalone',
      severity: 'error',
      comment: 'The shared package is used by server and client alike: it imports neither.',
      from: { path: '^shared/src/' },
      to: { path: '^(server|client)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    // Type-only imports count: a cycle of types is still two modules that cannot be understood apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
