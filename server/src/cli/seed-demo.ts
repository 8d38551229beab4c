import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../common/config/config.js';
import { openDatabase } from '../common/database/database.js';
import { ENTITIES } from '../domains.js';
import { createRootLogger, PinoLoggerService } from '../common/logging/logger.js';
import { seedDemo } from './demo-scene.js';

/** `npm run seed:demo`: fill an empty hub with a believable scene to explore. */
const config = loadConfig();
Logger.overrideLogger(new PinoLoggerService(createRootLogger('warn')));
const database = await openDatabase(config, ENTITIES);
const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, dataSource: database.dataSource }), { logger: false });
try {
  const accounts = await seedDemo(app);
  process.stdout.write('\nDemo scene ready. Accounts (all share the demo password shown):\n');
  for (const account of accounts) process.stdout.write(`  ${account.email.padEnd(36)} ${account.password}  ${account.description}\n`);
  process.stdout.write('\n');
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await app.close();
  await database.close();
}
