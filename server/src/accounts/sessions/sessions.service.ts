import { Injectable, Logger } from '@nestjs/common';
import type { SessionDto } from '@enlace/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { notFound } from '../../common/errors/app-error.js';
import { AuthService } from '../auth.service.js';
import { RefreshTokensRepository } from '../refresh-tokens.repository.js';
import { describeDevice } from './user-agent.js';

/** A person's own open sessions: seeing them, and ending any of them. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly auth: AuthService,
  ) {}

  async list(auth: AuthUser, currentSessionId: string): Promise<SessionDto[]> {
    const rows = await this.refreshTokens.listOpen(auth.id);
    return rows.map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent),
      address: row.address,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.id === currentSessionId,
    }));
  }

  /** Someone else's session, or one already ended, is not found: the same answer, so ids leak nothing. */
  async end(auth: AuthUser, sessionId: string): Promise<void> {
    if (!(await this.refreshTokens.endSessionOf(auth.id, sessionId))) throw notFound('Session');
    this.auth.notifySessionsEnded([sessionId]);
    this.logger.log(`Account ${auth.id} ended session ${sessionId}`);
  }
}
