import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { ACCOUNT_LOOKUP, type AccountLookup } from './account-lookup.js';
import type { AuthUser } from './auth-user.js';
import { ALLOWED_BEFORE_TWO_FACTOR, IS_OPTIONAL_AUTH, IS_PUBLIC } from './public.decorator.js';
import { TokenService } from './token.service.js';

/** The one authentication guard, global: deny by default, `@Public()` opts out. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(ACCOUNT_LOOKUP) private readonly accounts: AccountLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets are authenticated once, at the handshake (RealtimeGateway); this guard is for HTTP.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser; sessionId?: string }>();
    const optional = this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH, targets);
    if (optional && request.headers.authorization === undefined) return true;
    if (!optional && this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const beforeTwoFactor = this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_TWO_FACTOR, targets) ?? false;
    const { user, sessionId } = await this.authenticateSession(request.headers.authorization, beforeTwoFactor);
    request.user = user;
    request.sessionId = sessionId;
    return true;
  }

  /**
   * Also used by the socket handshake: a token from before the account was last disabled, or of a session
   * that has ended (logout, refresh-token reuse), is refused; so is an account that must enrol a second
   * factor and has not, except on the few routes that let it enrol.
   */
  async authenticate(authorization: string | undefined): Promise<AuthUser> {
    return (await this.authenticateSession(authorization, false)).user;
  }

  private async authenticateSession(authorization: string | undefined, beforeTwoFactor: boolean): Promise<{ user: AuthUser; sessionId: string }> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    const verified = token ? await this.tokens.verifyAccessToken(token) : undefined;
    const user = verified ? await this.accounts.findAuthenticated(verified) : undefined;
    if (!verified || !user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    if (user.mustEnrolTwoFactor && !beforeTwoFactor) {
      throw new AppError('TWO_FACTOR_REQUIRED', 'Set up two-factor sign-in on your account page before continuing');
    }
    return { sessionId: verified.sessionId, user: {
      id: user.id,
      email: user.email,
      organizationId: user.organizationId,
      orgRole: user.orgRole,
      platformAdmin: user.platformAdmin,
    } };
  }
}
