import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'enlace:public';

/** Opt a route out of authentication; everything else requires a valid bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_OPTIONAL_AUTH = 'enlace:optional-auth';

/** A route open to everyone that also recognises a signed-in caller (accepting an invitation). */
export const OptionalAuth = () => SetMetadata(IS_OPTIONAL_AUTH, true);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
