/**
 * Unit specs beside the code, integration tests in tests/; Jest's native ESM mode (NestJS 12 is ESM-only).
 * Needs Node 24.9 or later: CommonJS dependencies require() ESM-only packages (@fastify/static needs
 * content-disposition 3), which Jest's module loader supports only on those versions.
 */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
}];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@enlace/shared$': '<rootDir>/shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/client/src/**/*.spec.ts', '<rootDir>/tests/integration/**/*.test.ts'],
  testTimeout: 30000,
};
