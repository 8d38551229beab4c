import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { rotateDataKeys } from '../cases/data-key-rotation.js';
import { Keyring } from '../cases/sensitive-crypto.js';
import { SensitiveRepository } from '../cases/sensitive.repository.js';
import { loadConfig } from '../common/config/config.js';
import { openDatabase } from '../common/database/database.js';
import { createRootLogger, PinoLoggerService } from '../common/logging/logger.js';
import { ENTITIES } from '../domains.js';

/**
 * `npm run rotate:data-key`: re-wraps every case's data key with DATA_ENCRYPTION_KEY, unwrapping with the keys
 * in DATA_ENCRYPTION_PREVIOUS_KEYS (README, "Sensitive case data"). Afterwards the previous keys can be retired.
 */
const config = loadConfig();
Logger.overrideLogger(new PinoLoggerService(createRootLogger(config.logLevel)));
const database = await openDatabase(config, ENTITIES);
try {
  const keyring = new Keyring(config.dataEncryption.current, config.dataEncryption.previous);
  const rewrapped = await rotateDataKeys(new SensitiveRepository(database.dataSource), keyring);
  process.stdout.write(`${rewrapped} case data keys re-wrapped with master key ${keyring.currentId}\n`);
} finally {
  await database.close();
}
