import base from './jest.config.js';

/**
 * Browser end-to-end tests (`npm run test:e2e`): the built server runs as a child process serving the
 * built client, and headless Chromium drives it. Transform and module mapping are jest.config.js's.
 */
export default {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  // Each file starts its own server process and browser; two cores are better spent on one file at a time.
  maxWorkers: 1,
  testTimeout: 60000,
};
