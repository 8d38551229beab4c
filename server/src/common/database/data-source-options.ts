import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations/index.js';

/** `entities` are the domain modules' own (server/src/domains.ts): common/ knows no domain. */
export function dataSourceOptions(url: string, embedded: boolean, entities: NonNullable<DataSourceOptions['entities']>): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    // One statement at a time on PGlite: a small pool avoids queueing work behind an open transaction.
    // Idle connections stay open: closed by an idle timeout, the ones a burst opened (hundreds of sockets
    // subscribing at once) all closed together 30 s later and stalled live delivery for ~200 ms.
    extra: { max: embedded ? 4 : 20, connectionTimeoutMillis: 5000, idleTimeoutMillis: 0 },
  };
}
