import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import {
  defineAbilityFor,
  type AcceptInvitationInput,
  type CreateInvitationInput,
  type CreatedInvitationDto,
  type ExistingInvitationDetails,
  type InboxInvitationDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type Locale,
  type Page,
  type ResendInvitationInput,
} from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { AffiliationService } from '../accounts/affiliation/affiliation.service.js';
import { OrganizationsRepository } from '../accounts/organizations.repository.js';
import { PasswordHasher } from '../accounts/password-hasher.js';
import { assertAcceptablePassword } from '../accounts/passwords/password-policy.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { AccessService } from '../workspaces/access.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { isUniqueViolation } from '../common/database/unique-violation.js';
import { AppError, forbidden, notFound } from '../common/errors/app-error.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { Mailer } from '../mail/mailer.js';
import { mapMember } from '../workspaces/workspaces.dto.js';
import { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import type { InvitationEntity } from './invitation.entity.js';
import { mapInvitation } from './invitations.dto.js';
import { InvitationsRepository } from './invitations.repository.js';
import { hashSecret } from '../common/auth/secret-hash.js';

/** The result of accepting; `newUserId` is set when the account was created while accepting. */
export interface Acceptance {
  workspaceId: string;
  newUserId?: string;
  /** Accepting put the person in an organisation (by their e-mail's verified domain). */
  joinedOrganization: boolean;
}

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly invitations: InvitationsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly mailer: Mailer,
    private readonly affiliation: AffiliationService,
  ) {}

  async create(auth: AuthUser, workspaceId: string, input: CreateInvitationInput): Promise<CreatedInvitationDto> {
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.unitOfWork.run(auth.id, async (tx) => {
      const access = await this.access.workspace(auth, workspaceId, tx.manager);
      access.require('create', 'Invitation', { role: input.role });
      if (input.organizationId !== undefined) await this.requireOrganizationAdmin(auth, input.organizationId, tx.manager);
      // Only a suggestion to the invitee, but only ever one of the agreement's own parties.
      if (input.partyOrganizationId !== undefined && !(await this.invitations.isAgreementParty(tx.manager, workspaceId, input.partyOrganizationId))) {
        throw new AppError('VALIDATION_FAILED', 'The request is not valid', [
          { path: 'partyOrganizationId', message: 'Not a party to this workspace’s agreement', code: 'invalid_reference' },
        ]);
      }
      const existing = await this.users.findByEmail(input.email, tx.manager);
      if (existing && (await this.workspaces.findMembership(workspaceId, existing.id, tx.manager))) {
        throw new AppError('CONFLICT', 'This person is already a member of the workspace');
      }
      // One live link per person and workspace: a second one is refused, and the inviter may resend the first.
      const live = await this.invitations.lockLive(tx.manager, workspaceId, input.email);
      if (live) {
        const details: ExistingInvitationDetails = { invitationId: live.id, createdAt: live.createdAt.toISOString(), expiresAt: live.expiresAt.toISOString() };
        throw new AppError('INVITATION_EXISTS', 'This person already has a pending invitation to this workspace; resend it instead', details);
      }
      const invitation = await this.invitations.insert(tx.manager, {
        workspaceId,
        email: input.email,
        role: input.role,
        organizationId: input.organizationId ?? null,
        partyOrganizationId: input.partyOrganizationId ?? null,
        message: input.message ?? null,
        locale: input.locale ?? null,
        tokenHash: hashSecret(token),
        invitedBy: auth.id,
        expiresAt: this.expiry(),
      });
      tx.record({ workspaceId, type: 'invitation.created', entityId: invitation.id, payload: mapInvitation(invitation) });
      return invitation;
    });
    this.logger.log(`Invitation ${invitation.id} to workspace ${workspaceId} (${invitation.role}) created by ${auth.id}`);
    return this.deliver(auth, invitation, token);
  }

  /** A new link for a pending invitation (the old one stops working), a new lifetime, and the e-mail again. */
  async resend(auth: AuthUser, workspaceId: string, invitationId: string, input: ResendInvitationInput): Promise<CreatedInvitationDto> {
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.unitOfWork.run(auth.id, async (tx) => {
      const access = await this.access.workspace(auth, workspaceId, tx.manager);
      const current = await this.invitations.lockById(tx.manager, workspaceId, invitationId);
      if (!current) throw notFound('Invitation');
      access.require('create', 'Invitation', { role: current.role });
      // An expired link may be sent again: that is what resending is for. A used or withdrawn one may not.
      if (current.status !== 'pending') requireOpen(current);
      const invitation = await this.invitations.rotate(tx.manager, current.id, {
        tokenHash: hashSecret(token),
        expiresAt: this.expiry(),
        ...(input.locale !== undefined && { locale: input.locale }),
      });
      tx.record({ workspaceId, type: 'invitation.resent', entityId: invitation.id, payload: mapInvitation(invitation) });
      return invitation;
    });
    this.logger.log(`Invitation ${invitation.id} to workspace ${workspaceId} resent by ${auth.id}`);
    return this.deliver(auth, invitation, token);
  }

  /** The pending invitations addressed to the caller's e-mail: their inbox, answered without the link. */
  async inbox(auth: AuthUser): Promise<Page<InboxInvitationDto>> {
    const rows = await this.invitations.inbox(auth.email);
    return {
      items: rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString(), expiresAt: new Date(row.expiresAt).toISOString() })),
    };
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.invitationTtlDays * 86_400_000);
  }

  private async deliver(auth: AuthUser, invitation: InvitationEntity, token: string): Promise<CreatedInvitationDto> {
    const url = `${this.config.publicUrl}/invitations/${token}`;
    await this.sendMail(auth, invitation, url);
    return { id: invitation.id, token, url, expiresAt: invitation.expiresAt.toISOString() };
  }

  async listPending(auth: AuthUser, workspaceId: string): Promise<Page<InvitationDto>> {
    const access = await this.access.workspace(auth, workspaceId);
    access.require('read', 'Invitation');
    return { items: (await this.invitations.pending(workspaceId)).map(mapInvitation) };
  }

  async revoke(auth: AuthUser, workspaceId: string, invitationId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      const access = await this.access.workspace(auth, workspaceId, tx.manager);
      const invitation = await this.invitations.lockById(tx.manager, workspaceId, invitationId);
      if (!invitation) throw notFound('Invitation');
      access.require('delete', 'Invitation', { role: invitation.role });
      requireOpen(invitation);
      await this.invitations.setStatus(tx.manager, invitation.id, 'revoked');
      tx.record({ workspaceId, type: 'invitation.revoked', entityId: invitation.id, payload: { ...mapInvitation(invitation), status: 'revoked' } });
    });
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.invitations.findByTokenHash(hashSecret(token));
    if (!invitation) throw notFound('Invitation');
    requireOpen(invitation);
    const workspace = await this.workspaces.findById(invitation.workspaceId);
    const inviter = await this.users.findActiveById(invitation.invitedBy);
    const organization = inviter?.organizationId ? await this.organizations.findById(inviter.organizationId) : null;
    const party = invitation.partyOrganizationId ? await this.organizations.findById(invitation.partyOrganizationId) : null;
    return {
      workspaceTitle: workspace!.title,
      invitingOrganization: organization?.name ?? null,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: Boolean(await this.users.findByEmail(invitation.email)),
      suggestedOrganization: party ? { id: party.id, name: party.name } : null,
    };
  }

  /**
   * A signed-in invitee must own the invited e-mail; someone without an account creates it here.
   * An existing account must sign in first, so nobody accepts on another person's behalf.
   */
  async accept(token: string, auth: AuthUser | undefined, input: AcceptInvitationInput): Promise<Acceptance> {
    if (!auth && input.password) assertAcceptablePassword(input.password);
    const passwordHash = !auth && input.password ? await this.hasher.hash(input.password) : undefined;
    try {
      const acceptance = await this.unitOfWork.run(auth?.id ?? null, async (tx) => {
        const invitation = await this.invitations.lockByTokenHash(tx.manager, hashSecret(token));
        if (!invitation) throw notFound('Invitation');
        requireOpen(invitation);
        if (auth) return this.join(tx, invitation, auth, input.organizationId);
        if (await this.users.findByEmail(invitation.email, tx.manager)) {
          throw new AppError('UNAUTHENTICATED', 'An account exists for this e-mail: sign in to accept');
        }
        if (!input.displayName || !passwordHash) {
          throw new AppError('VALIDATION_FAILED', 'A display name and a password are needed to create your account', [
            { path: input.displayName ? 'password' : 'displayName', message: 'Required', code: 'invalid_type' },
          ]);
        }
        const user = await this.users.create(
          { email: invitation.email, displayName: input.displayName, passwordHash, organizationId: invitation.organizationId, orgRole: 'member', platformAdmin: false, locale: invitation.locale },
          tx.manager,
        );
        return { ...(await this.join(tx, invitation, user, input.organizationId)), newUserId: user.id };
      });
      if (auth && acceptance.joinedOrganization) this.affiliation.joined(auth.id);
      return acceptance;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN', 'An account exists for this e-mail: sign in to accept');
      throw error;
    }
  }

  /** Accepting from the inbox: the same as following the link, for an invitation addressed to the caller. */
  async acceptAddressed(auth: AuthUser, invitationId: string, organizationId?: string): Promise<{ workspaceId: string }> {
    const { workspaceId, joinedOrganization } = await this.unitOfWork.run(auth.id, async (tx) => {
      const invitation = await this.invitations.lockAddressedTo(tx.manager, invitationId, auth.email);
      if (!invitation) throw notFound('Invitation');
      requireOpen(invitation);
      return this.join(tx, invitation, auth, organizationId);
    });
    if (joinedOrganization) this.affiliation.joined(auth.id);
    return { workspaceId };
  }

  async decline(token: string): Promise<void> {
    await this.unitOfWork.run(null, async (tx) => {
      const invitation = await this.invitations.lockByTokenHash(tx.manager, hashSecret(token));
      if (!invitation) throw notFound('Invitation');
      await this.declineLocked(tx, invitation);
    });
  }

  async declineAddressed(auth: AuthUser, invitationId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      const invitation = await this.invitations.lockAddressedTo(tx.manager, invitationId, auth.email);
      if (!invitation) throw notFound('Invitation');
      await this.declineLocked(tx, invitation);
    });
  }

  private async declineLocked(tx: Tx, invitation: InvitationEntity): Promise<void> {
    requireOpen(invitation);
    await this.invitations.setStatus(tx.manager, invitation.id, 'declined');
    tx.record({ workspaceId: invitation.workspaceId, type: 'invitation.declined', entityId: invitation.id, payload: { ...mapInvitation(invitation), status: 'declined' } });
  }

  /**
   * The invitee joins the workspace, and, having no organisation, the one of their e-mail's verified domain
   * or a request to the one they chose from the directory.
   */
  private async join(tx: Tx, invitation: InvitationEntity, person: { id: string; email: string; organizationId: string | null }, organizationId?: string): Promise<Acceptance> {
    if (person.email !== invitation.email) throw new AppError('INVITATION_EMAIL_MISMATCH', 'This invitation was sent to another e-mail address');
    const joinedOrganization = await this.affiliation.onAcceptance(tx.manager, person.id, person, organizationId);
    await this.invitations.setStatus(tx.manager, invitation.id, 'accepted', person.id);
    tx.record({ workspaceId: invitation.workspaceId, type: 'invitation.accepted', entityId: invitation.id, payload: { ...mapInvitation(invitation), status: 'accepted' } });
    if (!(await this.workspaces.findMembership(invitation.workspaceId, person.id, tx.manager))) {
      await this.workspaces.insertMember(tx.manager, { workspaceId: invitation.workspaceId, userId: person.id, role: invitation.role });
      const member = await this.workspaces.member(invitation.workspaceId, person.id, tx.manager);
      tx.record({ workspaceId: invitation.workspaceId, type: 'member.added', entityId: person.id, payload: mapMember(member!) });
    }
    this.logger.log(`Invitation ${invitation.id} accepted by ${person.id}`);
    return { workspaceId: invitation.workspaceId, joinedOrganization };
  }

  private async requireOrganizationAdmin(auth: AuthUser, organizationId: string, manager: EntityManager): Promise<void> {
    if (!(await this.organizations.findById(organizationId, manager))) throw notFound('Organisation');
    // Inviting someone into an organisation makes an account of it: whoever may create its accounts.
    if (!defineAbilityFor(auth, []).can('create', subject('User', { organizationId }))) throw forbidden('Only an administrator of that organisation may invite people into it');
  }

  /** The e-mail is a convenience: the inviter always gets the link too, so a mail failure loses nothing. */
  private async sendMail(auth: AuthUser, invitation: InvitationEntity, url: string): Promise<void> {
    try {
      const [inviter, workspace, invitee] = await Promise.all([
        this.users.findActiveById(auth.id),
        this.workspaces.findById(invitation.workspaceId),
        this.users.findByEmail(invitation.email),
      ]);
      const organization = inviter?.organizationId ? await this.organizations.findById(inviter.organizationId) : null;
      await this.mailer.sendInvitation({
        to: invitation.email,
        locale: invitationLanguage(invitation.locale, invitee?.locale ?? null, inviter?.locale ?? null),
        workspaceTitle: workspace!.title,
        inviterName: inviter?.displayName ?? 'Enlace',
        inviterOrganization: organization?.name ?? null,
        role: invitation.role,
        url,
        expiresAt: invitation.expiresAt,
        personalMessage: invitation.message ?? undefined,
      });
    } catch (error) {
      this.logger.error(`Invitation ${invitation.id} e-mail failed: ${(error as Error).message}`);
    }
  }
}

function requireOpen(invitation: InvitationEntity): void {
  if (invitation.status === 'accepted' || invitation.status === 'declined') throw new AppError('INVITATION_USED', 'This invitation has already been used');
  if (invitation.status === 'revoked') throw new AppError('INVITATION_REVOKED', 'This invitation was withdrawn');
  if (invitation.expiresAt <= new Date()) throw new AppError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one');
}

/**
 * The language of an invitation's e-mail: the one the inviter chose in the dialog; otherwise the invitee's
 * own, when they have an account with one (every e-mail goes out in its recipient's language); otherwise the
 * inviter's, the language the invitation was written in.
 */
export function invitationLanguage(chosen: Locale | null, invitee: Locale | null, inviter: Locale | null): Locale | null {
  return chosen ?? invitee ?? inviter;
}
