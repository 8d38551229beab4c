import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { zodDtoRegistry } from './validation/zod-dto.js';

/** OpenAPI at /api/docs (UI) and /api/docs-json, with request bodies described by their zod schemas. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Enlace API')
    .setDescription('Interagency coordination against trafficking in persons: cases, agreements, live boards.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const [name, schema] of zodDtoRegistry) {
    schemas[name] = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as never;
  }
  document.components.schemas = schemas;
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
