export * from './errors.js';
export * from './fields.js';
export * from './accounts.js';
export * from './permissions.js';
export * from './workspaces.js';
export * from './events.js';
export * from './boards.js';
export * from './realtime.js';
