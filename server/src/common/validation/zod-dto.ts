import { z } from 'zod';

export interface ZodDtoClass<T extends z.ZodType = z.ZodType> {
  new (): z.output<T>;
  readonly schema: T;
}

/** Every DTO class made here, so the OpenAPI document can describe each from its schema. */
export const zodDtoRegistry = new Map<string, z.ZodType>();

/**
 * Turns a request schema from the shared package into a class Nest can see in parameter metadata;
 * the validation pipe parses with the schema, and the OpenAPI document shows its JSON Schema.
 */
export function zodDto<T extends z.ZodType>(name: string, schema: T): ZodDtoClass<T> {
  const dto = class {
    static readonly schema = schema;
  };
  Object.defineProperty(dto, 'name', { value: name });
  zodDtoRegistry.set(name, schema);
  return dto as unknown as ZodDtoClass<T>;
}
