import { Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import {
  defineAbilityFor,
  type CreateOrganizationInput,
  type CreateUserInput,
  type MeDto,
  type OrganizationDto,
  type Page,
  type UpdateMeInput,
  type UpdateOrganizationInput,
  type UserDto,
} from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { isUniqueViolation } from '../common/database/unique-violation.js';
import { AppError, forbidden, notFound } from '../common/errors/app-error.js';
import { pageOf } from '../common/pagination.js';
import { mapOrganization, mapUser } from './accounts.dto.js';
import type { OrganizationEntity } from './organization.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { assertAcceptablePassword } from './passwords/password-policy.js';
import { UsersRepository } from './users.repository.js';
import { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import { AffiliationRepository } from './affiliation/affiliation.repository.js';
import { AffiliationService } from './affiliation/affiliation.service.js';
import { PlatformLog } from './platform-log.js';

/** Called after an organisation became, or stopped being, a law-enforcement one, with its accounts' ids. */
export type LawEnforcementListener = (userIds: string[]) => void;

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  private readonly lawEnforcementListeners: LawEnforcementListener[] = [];

  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly workspaces: WorkspacesRepository,
    private readonly affiliation: AffiliationRepository,
    private readonly affiliations: AffiliationService,
    private readonly log: PlatformLog,
  ) {}

  async me(auth: AuthUser): Promise<MeDto> {
    const user = await this.users.findActiveById(auth.id);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    const [organization, memberships, request] = await Promise.all([
      user.organizationId ? this.organizations.findById(user.organizationId) : null,
      this.workspaces.membershipsOf(user.id),
      user.organizationId ? null : this.affiliation.pendingOf(user.id),
    ]);
    return {
      user: mapUser(user),
      organization: organization ? await this.withDomains(organization) : null,
      unconfirmedOrganization: request && { id: request.organizationId, name: request.organizationName },
      memberships: memberships.map(({ workspaceId, role }) => ({ workspaceId, role })),
      twoFactorEnabled: user.totpEnabledAt !== null,
      mustEnrolTwoFactor: user.totpEnabledAt === null && (user.platformAdmin || (organization?.requireTwoFactor ?? false)),
    };
  }

  async createOrganization(auth: AuthUser, input: CreateOrganizationInput): Promise<OrganizationDto> {
    if (!defineAbilityFor(auth, []).can('create', 'Organization')) throw forbidden('Only platform administrators create organisations');
    try {
      const organization = await this.organizations.create(input);
      this.logger.log(`Organisation ${organization.id} created by ${auth.id}`);
      return mapOrganization(organization, []);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'An organisation with this name already exists in this country');
      throw error;
    }
  }

  /**
   * Platform admins decide whether an organisation's people must use a second factor, which e-mail domains are
   * its, and whether it is a law-enforcement one.
   */
  async updateOrganization(auth: AuthUser, id: string, input: UpdateOrganizationInput): Promise<OrganizationDto> {
    if (!defineAbilityFor(auth, []).can('update', 'Organization')) throw forbidden('Only platform administrators change organisations');
    const affected = await this.affiliation.transaction(async (manager) => {
      if (!(await this.organizations.lock(manager, id))) throw notFound('Organisation');
      if (input.requireTwoFactor !== undefined) {
        await this.organizations.setRequireTwoFactor(manager, id, input.requireTwoFactor);
        this.logger.log(`Organisation ${id} now ${input.requireTwoFactor ? 'requires' : 'does not require'} two-factor sign-in (by ${auth.id})`);
      }
      if (input.domains !== undefined) await this.affiliations.setDomains(auth, manager, id, input.domains);
      if (input.lawEnforcement === undefined) return undefined;
      const people = await this.organizations.setLawEnforcement(manager, id, input.lawEnforcement);
      if (people) {
        const payload = { organizationId: id, lawEnforcement: input.lawEnforcement };
        await this.log.record(manager, auth.id, { type: 'organization.law_enforcement_set', entityId: id, organizationId: id, payload });
        this.logger.log(`Organisation ${id} is ${input.lawEnforcement ? 'now' : 'no longer'} a law-enforcement one (by ${auth.id})`);
      }
      return people;
    });
    // Committed: its people's live connections must stop reading as they did (see the realtime gateway).
    if (affected) for (const listener of this.lawEnforcementListeners) listener(affected);
    return this.getOrganization(id);
  }

  /**
   * Lets realtime react to an organisation's law-enforcement flag without this module importing it: when the flag
   * changes, and when a person joins an organisation (which may be a law-enforcement one).
   */
  onLawEnforcementChanged(listener: LawEnforcementListener): void {
    this.lawEnforcementListeners.push(listener);
    this.affiliations.onJoined((userId) => listener([userId]));
  }

  async listOrganizations(limit: number, cursor?: string): Promise<Page<OrganizationDto>> {
    const rows = await this.organizations.list(limit + 1, cursor);
    const domains = await this.affiliation.domainsOf(rows.map((organization) => organization.id));
    return pageOf(rows, limit, (organization) => mapOrganization(organization, domains.get(organization.id)), (organization) => organization.id);
  }

  async getOrganization(id: string): Promise<OrganizationDto> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound('Organisation');
    return this.withDomains(organization);
  }

  /** The interface language, which is also that of the person's e-mails. */
  async updateMe(auth: AuthUser, input: UpdateMeInput): Promise<UserDto> {
    const user = await this.affiliation.transaction(async (manager) => {
      const changed = await this.users.setLocale(manager, auth.id, input.locale);
      if (changed) await this.log.record(manager, auth.id, { type: 'account.locale_changed', entityId: auth.id, organizationId: auth.organizationId, payload: { userId: auth.id, locale: input.locale } });
      return this.users.findById(auth.id, manager);
    });
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return mapUser(user);
  }

  private async withDomains(organization: OrganizationEntity): Promise<OrganizationDto> {
    return mapOrganization(organization, (await this.affiliation.domainsOf([organization.id])).get(organization.id));
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
