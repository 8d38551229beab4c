import { Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { defineAbilityFor, type JoinRequestDto, type Page } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError, forbidden, notFound } from '../../common/errors/app-error.js';
import { OrganizationsRepository } from '../organizations.repository.js';
import { PlatformLog } from '../platform-log.js';
import { AffiliationRepository, type JoinRequestRow } from './affiliation.repository.js';

export function mapJoinRequest(row: JoinRequestRow): JoinRequestDto {
  return {
    id: row.id,
    organizationId: row.organizationId,
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
  };
}

/** A person joining, or asking to join, an organisation. */
export interface Affiliating {
  id: string;
  email: string;
  organizationId: string | null;
}

/**
 * Who belongs to which organisation, beyond accounts an organisation creates itself: its verified e-mail
 * domains place people without an organisation in it; anyone else asks to join one, and only that
 * organisation's administrators (or the platform's) confirm them. Nothing here lets an organisation place
 * someone in another.
 */
@Injectable()
export class AffiliationService {
  private readonly logger = new Logger(AffiliationService.name);
  private readonly joinedListeners: Array<(userId: string) => void> = [];

  constructor(
    private readonly affiliation: AffiliationRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly log: PlatformLog,
  ) {}

  /** Platform administrators set an organisation's whole list of domains; a domain is one organisation's at most. */
  async setDomains(auth: AuthUser, manager: EntityManager, organizationId: string, domains: string[]): Promise<void> {
    const unique = [...new Set(domains)].sort();
    const taken = await this.affiliation.heldElsewhere(manager, organizationId, unique);
    if (taken.length > 0) throw new AppError('DOMAIN_TAKEN', `Another organisation already has ${taken.join(', ')}`, { domains: taken });
    await this.affiliation.replaceDomains(manager, organizationId, unique);
    await this.log.record(manager, auth.id, { type: 'organization.domains_set', entityId: organizationId, organizationId, payload: { organizationId, domains: unique } });
    this.logger.log(`Organisation ${organizationId} now has ${unique.length} verified domain(s) (by ${auth.id})`);
  }

  /**
   * Run while a person accepts an invitation (or gets an account by accepting one), in that transaction. A
   * person with an organisation keeps it. Otherwise their e-mail's verified domain places them; failing that,
   * the organisation they chose from the directory gets a request to confirm them (replacing an older one).
   * True when it put them in an organisation: the caller calls `joined` once its transaction committed.
   */
  async onAcceptance(manager: EntityManager, actorId: string | null, person: Affiliating, requestedOrganizationId?: string): Promise<boolean> {
    if (person.organizationId !== null) return false;
    const pending = await this.affiliation.lockPendingOf(manager, person.id);
    const byDomain = await this.affiliation.organizationOfEmail(manager, person.email);
    if (byDomain) {
      if (!(await this.affiliation.joinOrganization(manager, person.id, byDomain))) return false;
      if (pending) await this.settle(manager, actorId, pending, 'withdrawn');
      await this.log.record(manager, actorId, { type: 'organization.member_joined', entityId: byDomain, organizationId: byDomain, payload: { organizationId: byDomain, userId: person.id, via: 'domain' } });
      this.logger.log(`Account ${person.id} joined organisation ${byDomain} by its e-mail domain`);
      return true;
    }
    if (requestedOrganizationId === undefined || pending?.organizationId === requestedOrganizationId) return false;
    if (!(await this.organizations.findById(requestedOrganizationId, manager))) throw notFound('Organisation');
    if (pending) await this.settle(manager, actorId, pending, 'withdrawn');
    const request = await this.affiliation.insertRequest(manager, requestedOrganizationId, person.id);
    await this.log.record(manager, actorId, { type: 'organization.join_requested', entityId: request.id, organizationId: requestedOrganizationId, payload: mapJoinRequest(request) });
    this.logger.log(`Account ${person.id} asked to join organisation ${requestedOrganizationId}`);
    return false;
  }

  /** A person without an organisation asks one to confirm them (replacing an earlier request); one with an organisation keeps it. */
  async requestToJoin(auth: AuthUser, organizationId: string): Promise<void> {
    if (auth.organizationId !== null) throw new AppError('CONFLICT', 'You already belong to an organisation');
    await this.affiliation.transaction((manager) => this.onAcceptance(manager, auth.id, auth, organizationId));
  }

  async pendingRequests(auth: AuthUser, organizationId: string): Promise<Page<JoinRequestDto>> {
    await this.requireAdmin(auth, organizationId);
    return { items: (await this.affiliation.pendingIn(organizationId)).map(mapJoinRequest) };
  }

  /**
   * Called, once committed, with a person an approval put into an organisation: what they may read can change with
   * it (a law-enforcement organisation's people read the assistance track only with a grant).
   */
  onJoined(listener: (userId: string) => void): void {
    this.joinedListeners.push(listener);
  }

  /** Tells the listeners that a committed transaction put this person in an organisation. */
  joined(userId: string): void {
    for (const listener of this.joinedListeners) listener(userId);
  }

  /** Approving puts the person in the organisation, unless they have come to belong to one meanwhile. */
  async decide(auth: AuthUser, organizationId: string, requestId: string, decision: 'approved' | 'rejected'): Promise<JoinRequestDto> {
    await this.requireAdmin(auth, organizationId);
    const decided = await this.affiliation.transaction(async (manager) => {
      const request = await this.affiliation.lockRequest(manager, organizationId, requestId);
      if (!request) throw notFound('Join request');
      if (request.status !== 'pending') throw new AppError('JOIN_REQUEST_DECIDED', `This request was already ${request.status}`);
      if (decision === 'approved' && !(await this.affiliation.joinOrganization(manager, request.userId, organizationId))) {
        await this.settle(manager, auth.id, request, 'withdrawn');
        throw new AppError('JOIN_REQUEST_DECIDED', 'This person already belongs to an organisation');
      }
      const decided = await this.settle(manager, auth.id, request, decision);
      if (decision === 'approved') {
        await this.log.record(manager, auth.id, { type: 'organization.member_joined', entityId: organizationId, organizationId, payload: { organizationId, userId: request.userId, via: 'request' } });
      }
      this.logger.log(`Join request ${requestId} to organisation ${organizationId} ${decision} by ${auth.id}`);
      return mapJoinRequest(decided);
    });
    if (decision === 'approved') this.joined(decided.userId);
    return decided;
  }

  private async settle(manager: EntityManager, actorId: string | null, request: JoinRequestRow, status: 'approved' | 'rejected' | 'withdrawn'): Promise<JoinRequestRow> {
    const decided = await this.affiliation.decide(manager, request.id, status, actorId);
    const type = status === 'approved' ? 'organization.join_approved' : status === 'rejected' ? 'organization.join_rejected' : 'organization.join_withdrawn';
    await this.log.record(manager, actorId, { type, entityId: request.id, organizationId: request.organizationId, payload: mapJoinRequest(decided) });
    return decided;
  }

  /** The organisation's own administrators decide who joins it (and the platform's, who run every organisation). */
  private async requireAdmin(auth: AuthUser, organizationId: string): Promise<void> {
    if (!(await this.organizations.findById(organizationId))) throw notFound('Organisation');
    if (!defineAbilityFor(auth, []).can('create', subject('User', { organizationId }))) throw forbidden('Only this organisation’s administrators decide who joins it');
  }
}
