import { ApiProperty } from '@nestjs/swagger';
import { z } from 'zod';

export interface ZodDtoClass<T extends z.ZodType = z.ZodType> {
  new (): z.output<T>;
  readonly schema: T;
}

/** Every DTO class made here, so the OpenAPI document can describe each from its schema. */
export const zodDtoRegistry = new Map<string, z.ZodType>();

/** A request schema as OpenAPI 3.0 describes what a client sends. */
export const requestJsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/**
 * Turns a request schema from the shared package into a class Nest can see in parameter metadata
 * (`name` is the class's own name, which the document's components go by);
 * the validation pipe parses with the schema, and the OpenAPI document shows its JSON Schema: a body
 * as a component of that name, a query as one parameter per property (declared here for the swagger
 * module, which reads a query class's properties).
 */
export function zodDto<T extends z.ZodType>(name: string, schema: T): ZodDtoClass<T> {
  const dto = class {
    static readonly schema = schema;
  };
  Object.defineProperty(dto, 'name', { value: name });
  zodDtoRegistry.set(name, schema);
  const { properties = {}, required = [] } = requestJsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  for (const [key, property] of Object.entries(properties)) {
    ApiProperty({ ...property, required: required.includes(key) })(dto.prototype, key);
  }
  return dto as unknown as ZodDtoClass<T>;
}
