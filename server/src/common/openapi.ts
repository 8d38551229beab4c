import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_SCHEMAS, type ErrorCode } from '@enlace/shared';
import { z } from 'zod';
import { AUTH_EXTENSION, BEFORE_TWO_FACTOR_EXTENSION, ENDPOINT_EXTENSION, type EndpointExtension } from './api-endpoint.js';
import { httpStatusOf } from './errors/http-status.js';
import { requestJsonSchema, zodDtoRegistry } from './validation/zod-dto.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const BEARER = 'bearer';
const ERROR_SCHEMA = 'ApiError';
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const SUCCESS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted; no content', 204: 'Done; no content' };
const FAILURE: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in, or the session has ended',
  403: 'Not allowed',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  410: 'No longer usable',
  413: 'Too large',
  415: 'Of a type not accepted',
  429: 'Too many attempts; retry after the Retry-After header’s seconds',
};

/** OpenAPI at /api/docs (UI) and /api/docs-json. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The API contract: routes and request bodies as the swagger module finds them (bodies and queries
 * described by their zod schemas), responses from the shared package's response schemas and each
 * route's `@ApiEndpoint`, every error with the one `ApiError` body.
 */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Enlace API')
    .setDescription(
      'Interagency coordination against trafficking in persons: cases, agreements, live boards. ' +
        'Every error answers `ApiError`, whose `code` is stable; lists are pages `{items, nextCursor?}`.',
    )
    .setVersion('1')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token of `POST /api/auth/login`' }, BEARER)
    .addSecurityRequirements(BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = (document.components ??= {}).schemas ?? {};
  // The swagger module made a component of each body class (queries it expands into parameters); its zod schema says what it is.
  for (const name of Object.keys(schemas)) {
    const schema = zodDtoRegistry.get(name);
    if (!schema) throw new Error(`The API document's ${name} has no zod schema: make it with zodDto, named as its class`);
    schemas[name] = requestJsonSchema(schema) as never;
  }
  const responses = z.toJSONSchema(API_SCHEMAS, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    uri: (id) => ref(id).$ref,
    // A nullable reference comes as `{nullable, allOf: [$ref]}`; OpenAPI 3.0 ignores `nullable` without a `type`.
    override: ({ jsonSchema }) => {
      if (jsonSchema.nullable && jsonSchema.allOf && !jsonSchema.type) jsonSchema.type = 'object';
    },
  }).schemas;
  for (const [name, schema] of Object.entries(responses)) {
    if (name in schemas) throw new Error(`Two schemas are named ${name} in the API document`);
    // `$id` names a JSON Schema resource; an OpenAPI 3.0 schema object has no such field.
    delete schema.$id;
    schemas[name] = schema as never;
  }
  document.components.schemas = schemas;
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) describeOperation(operation);
    }
  }
  return document;
}

/** Writes a route's responses and security from its `@ApiEndpoint`, `@Public`/`@OptionalAuth` and `@AllowedBeforeTwoFactor`. */
function describeOperation(operation: Operation): void {
  const extensions = operation as unknown as Record<string, unknown>;
  const endpoint = extensions[ENDPOINT_EXTENSION] as EndpointExtension | undefined;
  const auth = extensions[AUTH_EXTENSION] as 'none' | 'optional' | undefined;
  const beforeTwoFactor = extensions[BEFORE_TWO_FACTOR_EXTENSION] === true;
  delete extensions[ENDPOINT_EXTENSION];
  delete extensions[AUTH_EXTENSION];
  delete extensions[BEFORE_TWO_FACTOR_EXTENSION];
  // The document requires the bearer token by default; these routes say otherwise.
  if (auth === 'none') operation.security = [];
  if (auth === 'optional') operation.security = [{}, { [BEARER]: [] }];
  // An undocumented route keeps what the swagger module made of it; the contract test names it.
  if (!endpoint) return;

  // The swagger module wrote the route's one success status (its @HttpCode, or Nest's default).
  const responses: Responses = {};
  for (const status of Object.keys(operation.responses)) {
    responses[status] = endpoint.response
      ? { description: SUCCESS[Number(status)] ?? 'OK', content: { [endpoint.contentType ?? 'application/json']: { schema: ref(endpoint.response) } } }
      : { description: SUCCESS[Number(status)] ?? 'OK' };
  }
  if (endpoint.alternative) {
    const { status, description, response } = endpoint.alternative;
    responses[status] = { description, content: { 'application/json': { schema: ref(response) } } };
  }
  const codes = new Set<ErrorCode>(endpoint.errors);
  if (auth !== 'none') codes.add('UNAUTHENTICATED');
  // The auth guard refuses an account that must enrol a second factor and has not, on all but a few routes.
  if (auth !== 'none' && !beforeTwoFactor) codes.add('TWO_FACTOR_REQUIRED');
  if (operation.requestBody || operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'query')) codes.add('VALIDATION_FAILED');
  if (operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'path')) codes.add('NOT_FOUND');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(httpStatusOf(code), [...(byStatus.get(httpStatusOf(code)) ?? []), code]);
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: `${FAILURE[status] ?? 'Error'}: ${statusCodes.map((code) => `\`${code}\``).join(', ')}`,
      content: { 'application/json': { schema: ref(ERROR_SCHEMA) } },
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
    };
  }
  operation.responses = responses;
}
