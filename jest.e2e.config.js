/**
 * Browser end-to-end tests (`npm run test:e2e`): the built server runs as a child process serving the
 * built client, and headless Chromium drives it. Transform and module mapping are jest.config.js's.
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
    // @fastify/static require()s this ESM-only package; Node 20.19+ can, Jest's CommonJS loader on Node 20 cannot.
    '^content-disposition$': 'content-disposition-cjs',
  },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  // Each file starts its own server process and browser; two cores are better spent on one file at a time.
  maxWorkers: 1,
  testTimeout: 60000,
};
