import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { AUTH_EXTENSION } from '../api-endpoint.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'enlace:public';

/** Opt a route out of authentication; everything else requires a valid bearer token. The API document says so too. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(AUTH_EXTENSION, 'none'));

export const IS_OPTIONAL_AUTH = 'enlace:optional-auth';

/** A route open to everyone that also recognises a signed-in caller (accepting an invitation). */
export const OptionalAuth = () => applyDecorators(SetMetadata(IS_OPTIONAL_AUTH, true), ApiExtension(AUTH_EXTENSION, 'optional'));

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
