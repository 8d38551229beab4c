import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { AccessModule } from '../workspaces/access.module.js';
import { AffiliationRepository } from './affiliation/affiliation.repository.js';
import { AffiliationService } from './affiliation/affiliation.service.js';
import { PlatformLog } from './platform-log.js';
import { ACCOUNT_LOOKUP } from '../common/auth/account-lookup.js';
import { AccountsService } from './accounts.service.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { MeController } from './me.controller.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationEntity } from './organization.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetsRepository } from './passwords/password-resets.repository.js';
import { PasswordService } from './passwords/password.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { TwoFactorRepository } from './two-factor/two-factor.repository.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

export const ACCOUNTS_ENTITIES = [OrganizationEntity, UserEntity, RefreshTokenEntity];

@Module({
  imports: [MailModule, AccessModule],
  controllers: [AuthController, MeController, OrganizationsController, UsersController],
  providers: [
    AccountsService,
    UsersService,
    AuthService,
    AdminBootstrap,
    PasswordHasher,
    UsersRepository,
    OrganizationsRepository,
    RefreshTokensRepository,
    TwoFactorService,
    TwoFactorRepository,
    PasswordService,
    PasswordResetsRepository,
    SessionsService,
    PlatformLog,
    AffiliationRepository,
    AffiliationService,
    // The authentication guard in common/ finds accounts through this, not by importing accounts/.
    { provide: ACCOUNT_LOOKUP, useExisting: UsersRepository },
  ],
  exports: [AccountsService, UsersRepository, OrganizationsRepository, PasswordHasher, AuthService, UsersService, AffiliationService, PlatformLog, ACCOUNT_LOOKUP],
})
export class AccountsModule {}
