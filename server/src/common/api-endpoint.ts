import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation } from '@nestjs/swagger';
import { API_SCHEMAS, type ErrorCode } from '@enlace/shared';
import type { z } from 'zod';

/** Where a route's documentation waits, on its operation, until `buildOpenApiDocument` writes its responses. */
export const ENDPOINT_EXTENSION = 'x-enlace-endpoint';
/** How a route authenticates, when not by the bearer token every other route requires (see `Public`). */
export const AUTH_EXTENSION = 'x-enlace-auth';
/** Marks a route an account that must still enrol a second factor may use (see `AllowedBeforeTwoFactor`). */
export const BEFORE_TWO_FACTOR_EXTENSION = 'x-enlace-before-two-factor';

export interface EndpointDoc {
  /** The operationId: a verb and its object, unique in the API (`moveCard`); generated clients name methods by it. */
  id: string;
  summary: string;
  description?: string;
  /** The success body, a response schema of the shared package; omitted for 202 and 204. */
  response?: z.ZodType;
  /**
   * The error codes the route's own logic can answer. Those every route of its kind can give are added:
   * UNAUTHENTICATED unless public, TWO_FACTOR_REQUIRED with a bearer token (unless allowed before two-factor), VALIDATION_FAILED with a body or query, NOT_FOUND with a path id.
   */
  errors?: ErrorCode[];
  /** The success body's media type when it is not JSON (a CSV export, a downloaded file). */
  contentType?: string;
  /** Another documented outcome with its own body (health's 503). */
  alternative?: { status: number; description: string; response: z.ZodType };
}

export interface EndpointExtension {
  response?: string;
  contentType?: string;
  errors: ErrorCode[];
  alternative?: { status: number; description: string; response: string };
}

/** Documents a route: summary, success body and error responses (the body of every error is `ApiError`). */
export function ApiEndpoint({ id, summary, description, response, contentType, errors = [], alternative }: EndpointDoc): MethodDecorator {
  const extension: EndpointExtension = { errors, ...(contentType && { contentType }) };
  if (response) extension.response = schemaId(response);
  if (alternative) extension.alternative = { ...alternative, response: schemaId(alternative.response) };
  return applyDecorators(ApiOperation({ operationId: id, summary, description }), ApiExtension(ENDPOINT_EXTENSION, extension));
}

function schemaId(schema: z.ZodType): string {
  const id = API_SCHEMAS.get(schema)?.id;
  if (!id) throw new Error('A documented response schema must be registered with `named` in the shared package');
  return id;
}
