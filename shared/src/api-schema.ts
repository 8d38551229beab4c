import { z } from 'zod';

/**
 * The response shapes of the HTTP API, each registered once where it is defined under the name the
 * OpenAPI document gives it (`#/components/schemas/{id}`). The TypeScript types the server and the
 * client use are inferred from the same schemas, so the document cannot drift from the code.
 */
export const API_SCHEMAS = z.registry<{ id: string }>();

/** Names a response schema in the API document. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  API_SCHEMAS.add(schema as z.ZodType, { id });
  return schema;
}

/** A keyset-paged list: pass `nextCursor` back as `cursor` for the next page; absent on the last one. */
export const pageOf = <T extends z.ZodType>(id: string, item: T) =>
  named(id, z.object({ items: z.array(item), nextCursor: z.string().optional() }));

/** Instants are ISO 8601 strings with a time zone offset. */
export const Timestamp = z.iso.datetime({ offset: true });
