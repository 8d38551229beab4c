import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type LoginResponseDto, LoginResponseSchema } from '@enlace/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/api-endpoint.js';
import { Public } from '../common/auth/public.decorator.js';
import { LoginDto } from './accounts.dto.js';
import { AuthService, type Session } from './auth.service.js';

export const REFRESH_COOKIE = 'enlace_refresh';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @ApiEndpoint({ id: 'login', summary: 'Sign in with e-mail and password', description: 'Sets the httpOnly refresh cookie and answers the access token.', response: LoginResponseSchema, errors: ['UNAUTHENTICATED', 'RATE_LIMITED'] })
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseDto> {
    return withRefreshCookie(reply, await this.service.login(dto, request.ip));
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
}

export function withRefreshCookie(reply: FastifyReply, session: Session): LoginResponseDto {
  void reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    path: COOKIE_PATH,
    expires: session.refreshExpiresAt,
  });
  return { accessToken: session.accessToken, user: session.user };
}
