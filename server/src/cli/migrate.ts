import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../common/config/config.js';
import { createRootLogger, PinoLoggerService } from '../common/logging/logger.js';
import { openDatabase } from '../common/database/database.js';
import { ENTITIES } from '../domains.js';

/** `npm run migrate`: bring the configured database (or the embedded one in DATA_DIR) up to date. */
const config = loadConfig();
Logger.overrideLogger(new PinoLoggerService(createRootLogger(config.logLevel)));
const database = await openDatabase(config, ENTITIES);
const pending = await database.dataSource.showMigrations();
process.stdout.write(pending ? 'Migrations still pending\n' : 'Database schema is up to date\n');
await database.close();
