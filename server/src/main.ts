import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './common/config/config.js';
import { createRootLogger, PinoLoggerService } from './common/logging/logger.js';
import { startServer } from './server.js';

const clientDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../client/dist');

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  Logger.overrideLogger(new PinoLoggerService(createRootLogger(config.logLevel)));
  const server = await startServer(config, { clientDir });
  process.stdout.write(`Enlace is listening on ${server.url}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received, shutting down\n`);
    // In-flight requests finish and the database is closed cleanly, so nothing acknowledged is lost.
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Enlace failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
