import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { API_PREFIX } from '../app.js';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../common/config/config.js';
import { buildOpenApiDocument } from '../common/openapi.js';

/**
 * `node server/dist/server/src/cli/openapi.js FILE`: writes the OpenAPI document without a database or
 * a port. Nest's preview mode builds the module graph (what the document is read from) without
 * instantiating a provider, so nothing connects anywhere.
 */
const [file] = process.argv.slice(2);
if (!file) throw new Error('Usage: openapi.js OUTPUT_FILE');
const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex') });
const app = await NestFactory.create<NestFastifyApplication>(
  AppModule.forRoot({ config, dataSource: {} as DataSource }),
  new FastifyAdapter(),
  { preview: true, logger: false },
);
app.setGlobalPrefix(API_PREFIX);
writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
await app.close();
