import { CreateAccounts1764300000000 } from './1764300000000-CreateAccounts.js';

/** Every migration, oldest first. Listed explicitly so the same list works from source and from the build. */
export const migrations = [CreateAccounts1764300000000];
