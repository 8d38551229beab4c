import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type LoginResponseDto, LoginResponseSchema, type LoginResultDto, LoginResultSchema } from '@enlace/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/api-endpoint.js';
import { Public } from '../common/auth/public.decorator.js';
import { ForgotPasswordDto, LoginDto, MfaLoginDto, ResetPasswordDto } from './accounts.dto.js';
import { AuthService, type Session } from './auth.service.js';
import { PasswordService } from './passwords/password.service.js';
import type { SessionClient } from './refresh-tokens.repository.js';

export const REFRESH_COOKIE = 'enlace_refresh';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly service: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  @ApiEndpoint({
    id: 'login',
    summary: 'Sign in with e-mail and password',
    description:
      'Sets the httpOnly refresh cookie and answers the access token; for an account with a second factor, answers `mfaRequired` and a challenge for `POST /api/auth/login/mfa` instead, and no session.',
    response: LoginResultSchema,
    errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
  })
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResultDto> {
    const outcome = await this.service.login(dto, clientOf(request));
    return 'mfaRequired' in outcome ? outcome : withRefreshCookie(reply, outcome);
  }

  @ApiEndpoint({
    id: 'loginWithCode',
    summary: 'Finish signing in with the second factor: an authenticator or recovery code',
    description: 'Sets the httpOnly refresh cookie and answers the access token. A recovery code works once.',
    response: LoginResponseSchema,
    errors: ['UNAUTHENTICATED', 'RATE_LIMITED'],
  })
  @Post('login/mfa')
  @HttpCode(200)
  async loginWithCode(@Body() dto: MfaLoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseDto> {
    return withRefreshCookie(reply, await this.service.loginWithCode(dto, clientOf(request)));
  }

  @ApiEndpoint({ id: 'refreshSession', summary: 'Trade the refresh cookie for a new access token', description: 'Rotates the refresh token; a reused one ends the whole session.', response: LoginResponseSchema, errors: ['UNAUTHENTICATED'] })
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseDto> {
    return withRefreshCookie(reply, await this.service.refresh(request.cookies[REFRESH_COOKIE]));
  }

  @ApiEndpoint({ id: 'logout', summary: 'Sign out: end the session of the refresh cookie and clear it' })
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.service.logout(request.cookies[REFRESH_COOKIE]);
    void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @ApiEndpoint({
    id: 'forgotPassword',
    summary: 'E-mail a one-hour link to set a new password',
    description: 'Answers the same whether an account has that e-mail or not; the e-mail goes out after the answer.',
    errors: ['RATE_LIMITED'],
  })
  @Post('password/forgot')
  @HttpCode(202)
  forgotPassword(@Body() dto: ForgotPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    return this.passwords.forgot(dto.email, request.ip);
  }

  @ApiEndpoint({ id: 'resetPassword', summary: 'Set a new password with the link’s token; ends every session of the account', errors: ['VALIDATION_FAILED'] })
  @Post('password/reset')
  @HttpCode(204)
  resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.passwords.reset(dto);
  }
}

/** Where a request comes from, as the sessions page shows it. */
export function clientOf(request: FastifyRequest): SessionClient & { address: string } {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export function withRefreshCookie(reply: FastifyReply, session: Session): LoginResponseDto {
  void reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    path: COOKIE_PATH,
    expires: session.refreshExpiresAt,
  });
  return { accessToken: session.accessToken, user: session.user, mustEnrolTwoFactor: session.mustEnrolTwoFactor };
}
