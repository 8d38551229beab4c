import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { isUniqueViolation } from '../common/database/unique-violation.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@enlace.local';

/** The first start of an empty hub creates its first platform administrator. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.hasPlatformAdmin()) return;
    const email = this.config.admin.email ?? DEFAULT_ADMIN_EMAIL;
    const password = this.config.admin.password ?? randomBytes(18).toString('base64url');
    try {
      await this.users.create({
        email,
        displayName: 'Platform administrator',
        passwordHash: await this.hasher.hash(password),
        organizationId: null,
        orgRole: 'member',
        platformAdmin: true,
        locale: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) return; // another process created it first
      throw error;
    }
    if (this.config.admin.password) {
      this.logger.log(`Created platform administrator ${email}`);
    } else {
      // Printed once, on purpose, and never logged again: the operator has no other way to learn it.
      process.stdout.write(`\n  First platform administrator: ${email}\n  Password (shown only now): ${password}\n\n`);
    }
  }
}
