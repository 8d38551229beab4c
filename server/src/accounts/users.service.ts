import { Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { defineAbilityFor, type Page, type UpdateUserInput, type UserDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, forbidden, notFound } from '../common/errors/app-error.js';
import { mapUser } from './accounts.dto.js';
import { OrganizationsRepository } from './organizations.repository.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { pageOf } from '../common/pagination.js';

/** Called after an account was disabled and committed, e.g. to close its live connections on every process. */
export type AccountDisabledListener = (userId: string) => void | Promise<void>;

/** Administrators managing existing accounts: listing an organisation's, disabling and enabling them. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly disabledListeners: AccountDisabledListener[] = [];

  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /** Lets another module react to a disabled account without this one importing it (realtime). */
  onDisable(listener: AccountDisabledListener): void {
    this.disabledListeners.push(listener);
  }

  /** An organisation's accounts, disabled ones included: for its own admins and platform admins. */
  async listInOrganization(auth: AuthUser, organizationId: string, limit: number, cursor?: string): Promise<Page<UserDto>> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization) throw notFound('Organisation');
    // Organisations are public to every signed-in user, so 403 here leaks nothing (as for creating its accounts).
    if (!defineAbilityFor(auth, []).can('read', subject('User', { organizationId }))) {
      this.logger.warn(`Denied: user ${auth.id} may not list the accounts of organisation ${organizationId}`);
      throw forbidden('Only this organisation\'s administrators see its accounts');
    }
    const rows = await this.users.listInOrganization(organizationId, limit + 1, cursor);
    return pageOf(rows, limit, mapUser, (user) => user.id);
  }

  /**
   * Disabling takes effect at once: the flag, a new token generation and the revocation of every refresh
   * token commit together; access tokens stop at the next request and stay refused after re-enabling (the
   * guard loads only active accounts of the token's generation); the listeners then close the account's sockets.
   */
  async update(auth: AuthUser, id: string, input: UpdateUserInput): Promise<UserDto> {
    if (input.disabled && id === auth.id) throw new AppError('CANNOT_DISABLE_SELF', 'You cannot disable your own account');
    const target = await this.requireManageable(auth, id);
    const result = await this.users.setDisabled(target.id, input.disabled);
    if (!result) throw notFound('User');
    if (input.disabled) await this.notifyDisabled(id);
    if (result.changed) this.logger.log(`Account ${id} ${input.disabled ? 'disabled' : 'enabled'} by ${auth.id}`);
    return mapUser(result.user);
  }

  /** An account the caller may not see looks unknown (404); one they see but may not manage is 403. */
  private async requireManageable(auth: AuthUser, id: string): Promise<UserEntity> {
    const target = await this.users.findById(id);
    const ability = defineAbilityFor(auth, []);
    if (!target || (target.id !== auth.id && !ability.can('read', subject('User', { organizationId: target.organizationId })))) {
      if (target) this.logger.warn(`Denied: user ${auth.id} may not see account ${id}`);
      throw notFound('User');
    }
    if (!ability.can('update', subject('User', { organizationId: target.organizationId, platformAdmin: target.platformAdmin }))) {
      this.logger.warn(`Denied: user ${auth.id} may not manage account ${id}`);
      throw forbidden(target.platformAdmin ? 'Only platform administrators manage a platform administrator' : 'You may not manage this account');
    }
    return target;
  }

  /** After commit; a listener that fails must not turn a committed change into an error. */
  private async notifyDisabled(userId: string): Promise<void> {
    for (const listener of this.disabledListeners) {
      try {
        await listener(userId);
      } catch (error) {
        this.logger.error(`After disabling account ${userId}: ${(error as Error).message}`);
      }
    }
  }
}
