import { Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { defineAbilityFor, type CreateOrganizationInput, type CreateUserInput, type UpdateOrganizationInput, type MeDto, type OrganizationDto, type Page, type UserDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { isUniqueViolation } from '../common/database/unique-violation.js';
import { AppError, forbidden, notFound } from '../common/errors/app-error.js';
import { pageOf } from '../common/pagination.js';
import { mapOrganization, mapUser } from './accounts.dto.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { assertAcceptablePassword } from './passwords/password-policy.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async me(auth: AuthUser): Promise<MeDto> {
    const user = await this.users.findActiveById(auth.id);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    const organization = user.organizationId ? await this.organizations.findById(user.organizationId) : null;
    return {
      user: mapUser(user),
      organization: organization ? mapOrganization(organization) : null,
      memberships: [],
      twoFactorEnabled: user.totpEnabledAt !== null,
      mustEnrolTwoFactor: user.totpEnabledAt === null && (user.platformAdmin || (organization?.requireTwoFactor ?? false)),
    };
  }

  async createOrganization(auth: AuthUser, input: CreateOrganizationInput): Promise<OrganizationDto> {
    if (!defineAbilityFor(auth, []).can('create', 'Organization')) throw forbidden('Only platform administrators create organisations');
    try {
      const organization = await this.organizations.create(input);
      this.logger.log(`Organisation ${organization.id} created by ${auth.id}`);
      return mapOrganization(organization);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'An organisation with this name already exists in this country');
      throw error;
    }
  }

  /** Platform admins decide whether an organisation's people must use a second factor. */
  async updateOrganization(auth: AuthUser, id: string, input: UpdateOrganizationInput): Promise<OrganizationDto> {
    if (!defineAbilityFor(auth, []).can('update', 'Organization')) throw forbidden('Only platform administrators change organisations');
    const organization = await this.organizations.update(id, input);
    if (!organization) throw notFound('Organisation');
    this.logger.log(`Organisation ${id} now ${input.requireTwoFactor ? 'requires' : 'does not require'} two-factor sign-in (by ${auth.id})`);
    return mapOrganization(organization);
  }

  async listOrganizations(limit: number, cursor?: string): Promise<Page<OrganizationDto>> {
    const rows = await this.organizations.list(limit + 1, cursor);
    return pageOf(rows, limit, mapOrganization, (organization) => organization.id);
  }

  async getOrganization(id: string): Promise<OrganizationDto> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound('Organisation');
    return mapOrganization(organization);
  }

  /** Platform admins, or the organisation's own admins, create its accounts (the shared rules say so). */
  async createUser(auth: AuthUser, organizationId: string, input: CreateUserInput): Promise<UserDto> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization) throw notFound('Organisation');
    if (!defineAbilityFor(auth, []).can('create', subject('User', { organizationId }))) throw forbidden('Only this organisation\'s administrators create its accounts');
    assertAcceptablePassword(input.password);
    try {
      const user = await this.users.create({
        email: input.email,
        displayName: input.displayName,
        passwordHash: await this.hasher.hash(input.password),
        organizationId,
        orgRole: input.orgRole,
        platformAdmin: false,
        locale: input.locale ?? null,
      });
      this.logger.log(`Account ${user.id} created in organisation ${organizationId} by ${auth.id}`);
      return mapUser(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN', 'An account with this e-mail already exists');
      throw error;
    }
  }
}
