export * from './errors.js';
export * from './accounts.js';
