import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations/index.js';
import { entities } from './entities.js';

export function dataSourceOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    // One statement at a time on PGlite: a small pool avoids queueing work behind an open transaction.
    extra: { max: embedded ? 4 : 20, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}
