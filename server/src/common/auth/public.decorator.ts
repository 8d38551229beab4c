import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { AUTH_EXTENSION, BEFORE_TWO_FACTOR_EXTENSION } from '../api-endpoint.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'enlace:public';

/** Opt a route out of authentication; everything else requires a valid bearer token. The API document says so too. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(AUTH_EXTENSION, 'none'));

export const IS_OPTIONAL_AUTH = 'enlace:optional-auth';

/** A route open to everyone that also recognises a signed-in caller (accepting an invitation). */
export const OptionalAuth = () => applyDecorators(SetMetadata(IS_OPTIONAL_AUTH, true), ApiExtension(AUTH_EXTENSION, 'optional'));

export const ALLOWED_BEFORE_TWO_FACTOR = 'enlace:allowed-before-two-factor';

/**
 * A route an account that must enrol a second factor may still use (reading itself, enrolling): every
 * other route answers TWO_FACTOR_REQUIRED until it has enrolled.
 */
export const AllowedBeforeTwoFactor = () =>
  applyDecorators(SetMetadata(ALLOWED_BEFORE_TWO_FACTOR, true), ApiExtension(BEFORE_TWO_FACTOR_EXTENSION, true));

/** The id of the session the request's access token belongs to. */
export const CurrentSessionId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<{ sessionId: string }>().sessionId,
);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
