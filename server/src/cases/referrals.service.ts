import { Injectable, Logger } from '@nestjs/common';
import type {
  AcceptReferralInput,
  CompleteReferralInput,
  ConsentDto,
  CreateReferralInput,
  DeclineReferralInput,
  IncomingReferralDto,
  IncomingReferralQuery,
  Page,
  RecordConsentInput,
  ReferralDto,
  RevokeConsentInput,
} from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork, type Tx } from '../events/unit-of-work.js';
import { AccessService } from '../workspaces/access.service.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';
import { CasesRepository } from './cases.repository.js';
import { mapConsent, mapIncoming, mapReferral } from './referrals.dto.js';
import { ReferralsRepository, type ConsentRow, type ReferralRow } from './referrals.repository.js';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Why no consent covers a referral, for CONSENT_REQUIRED's details: none recorded, all revoked, or all expired. */
function consentProblem(consents: ConsentRow[]): 'none' | 'revoked' | 'expired' {
  if (consents.length === 0) return 'none';
  return consents.some((consent) => consent.revokedAt === null) ? 'expired' : 'revoked';
}

/** The event each decision records (literal types, so the event catalogue's check sees them). */
const DECISION_EVENTS = { accepted: 'referral.accepted', declined: 'referral.declined', completed: 'referral.completed' } as const;

const isValid = (consent: ConsentRow, today: string) => consent.revokedAt === null && consent.validUntil >= today && consent.givenOn <= today;

/**
 * Consents and referrals. A case goes to another organisation only under a valid consent for that organisation
 * and service (or the recorded life-risk exception); the recipient's admins see only what the consent allows,
 * and choose exactly who joins; revoking the consent removes those people at once. Nothing here looks at
 * whether the person cooperates with the authorities.
 */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger(ReferralsService.name);

  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly cases: CasesRepository,
    private readonly workspaces: WorkspacesService,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async recordConsent(auth: AuthUser, caseId: string, input: RecordConsentInput): Promise<ConsentDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      (await this.access.workspace(auth, caseId, tx.manager)).require('create', 'Referral');
      await this.caseOf(tx.manager, caseId);
      if (!(await this.referrals.organizationExists(tx.manager, input.recipientOrganizationId))) throw notFound('Organization');
      const consent = mapConsent(
        await this.referrals.insertConsent(tx.manager, {
          caseId,
          recipientOrganizationId: input.recipientOrganizationId,
          purpose: input.purpose,
          givenBy: input.givenBy ?? null,
          givenOn: input.givenOn,
          validUntil: input.validUntil,
          sharedFields: input.sharedFields,
          lifeRiskException: input.lifeRiskException,
          justification: input.justification ?? null,
          recordedBy: auth.id,
        }),
      );
      tx.record({ workspaceId: caseId, type: 'consent.recorded', entityId: consent.id, payload: consent });
      return consent;
    });
  }

  async consents(auth: AuthUser, caseId: string): Promise<Page<ConsentDto>> {
    (await this.access.workspace(auth, caseId)).require('read', 'Referral');
    return { items: (await this.referrals.consents(caseId)).map(mapConsent) };
  }

  /**
   * Revoking a consent withdraws every referral made under it and removes, in the same transaction, the people
   * who joined through them (owners excepted: the case's own organisation decides about its owners), so their
   * access ends at once and their live connections leave the workspace.
   */
  async revokeConsent(auth: AuthUser, caseId: string, consentId: string, input: RevokeConsentInput): Promise<ConsentDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      (await this.access.workspace(auth, caseId, tx.manager)).require('update', 'Referral');
      const current = await this.referrals.consent(tx.manager, consentId, 'update');
      if (!current || current.caseId !== caseId) throw notFound('Consent');
      if (current.revokedAt !== null) throw new AppError('CONFLICT', 'This consent is already revoked', { current: mapConsent(current) });
      const consent = mapConsent(await this.referrals.revokeConsent(tx.manager, consentId, auth.id, input.reason));
      tx.record({ workspaceId: caseId, type: 'consent.revoked', entityId: consentId, payload: consent });
      for (const referral of await this.referrals.openUnderConsent(tx.manager, consentId)) await this.withdraw(tx, referral, auth.id);
      return consent;
    });
  }

  async create(auth: AuthUser, caseId: string, input: CreateReferralInput): Promise<ReferralDto> {
    const referral = await this.unitOfWork.run(auth.id, async (tx) => {
      (await this.access.workspace(auth, caseId, tx.manager)).require('create', 'Referral');
      const from = auth.organizationId;
      if (from === null) throw new AppError('FORBIDDEN', 'Only a member of an organisation can refer a case');
      if (input.toOrganizationId === from) throw new AppError('REFERRAL_TO_OWN_ORGANIZATION', 'A case is referred to another organisation, not to your own');
      await this.caseOf(tx.manager, caseId);
      if (!(await this.referrals.organizationExists(tx.manager, input.toOrganizationId))) throw notFound('Organization');
      const today = todayUtc();
      const candidates = await this.referrals.consentsFor(tx.manager, caseId, input.toOrganizationId, input.service);
      const valid = candidates.find((consent) => isValid(consent, today));
      // Held until commit: a revocation racing this referral waits, then withdraws it.
      const consent = valid && (await this.referrals.consent(tx.manager, valid.id, 'share'));
      if (!consent || !isValid(consent, today)) {
        throw new AppError('CONSENT_REQUIRED', 'This referral needs the person’s valid consent for this organisation and service', {
          reason: consentProblem(candidates),
        });
      }
      const row = mapReferral(
        await this.referrals.insertReferral(tx.manager, {
          caseId,
          consentId: consent.id,
          fromOrganizationId: from,
          toOrganizationId: input.toOrganizationId,
          service: input.service,
          urgency: input.urgency,
          note: input.note ?? null,
          createdBy: auth.id,
        }),
      );
      tx.record({ workspaceId: caseId, type: 'referral.sent', entityId: row.id, payload: row });
      return row;
    });
    this.logger.log(`Case ${caseId} referred to organisation ${input.toOrganizationId} for ${input.service} by ${auth.id}`);
    return referral;
  }

  async list(auth: AuthUser, caseId: string): Promise<Page<ReferralDto>> {
    (await this.access.workspace(auth, caseId)).require('read', 'Referral');
    return { items: (await this.referrals.referrals(caseId)).map(mapReferral) };
  }

  /** The caller's organisation's incoming referrals: its admins only. */
  async incoming(auth: AuthUser, query: IncomingReferralQuery): Promise<Page<IncomingReferralDto>> {
    if (auth.orgRole !== 'org_admin' || auth.organizationId === null) throw new AppError('FORBIDDEN', 'Only your organisation’s admins see its incoming referrals');
    return { items: (await this.referrals.incoming(auth.organizationId, query.status)).map(mapIncoming) };
  }

  /** Exactly the chosen people of the receiving organisation join the case as contributors; nobody else. */
  async accept(auth: AuthUser, id: string, input: AcceptReferralInput): Promise<IncomingReferralDto> {
    return this.decide(auth, id, input.version, 'accepted', async (tx, referral) => {
      const consent = (await this.referrals.consent(tx.manager, referral.consentId, 'share'))!;
      if (!isValid(consent, todayUtc())) throw new AppError('CONSENT_REQUIRED', 'The consent behind this referral is no longer valid', { reason: consent.revokedAt ? 'revoked' : 'expired' });
      const caseRow = await this.caseOf(tx.manager, referral.caseId);
      if (caseRow.stage === 'closed') throw new AppError('ILLEGAL_TRANSITION', 'This case is closed', { from: referral.status, to: 'accepted', allowed: [] });
      const chosen = [...new Set(input.userIds)];
      const people = await this.referrals.peopleOf(tx.manager, referral.toOrganizationId, chosen);
      const strangers = chosen.filter((userId) => !people.includes(userId));
      if (strangers.length > 0) throw new AppError('NOT_IN_ORGANIZATION', 'Only people of your own organisation can join through its referral', { userIds: strangers });
      const admitted: string[] = [];
      for (const userId of chosen) if (await this.workspaces.admit(tx, referral.caseId, userId, 'contributor')) admitted.push(userId);
      await this.referrals.addMembers(tx.manager, referral.id, admitted);
      return { status: 'accepted', decidedBy: auth.id, decided: true };
    });
  }

  async decline(auth: AuthUser, id: string, input: DeclineReferralInput): Promise<IncomingReferralDto> {
    return this.decide(auth, id, input.version, 'declined', async () => ({ status: 'declined', decidedBy: auth.id, declineReason: input.reason, decided: true }));
  }

  async complete(auth: AuthUser, id: string, input: CompleteReferralInput): Promise<IncomingReferralDto> {
    return this.decide(auth, id, input.version, 'completed', async () => ({ status: 'completed', completionNote: input.note ?? null, completed: true }));
  }

  /** One step of `sent → accepted | declined`, `accepted → completed`, by the receiving organisation's admins. */
  private async decide(
    auth: AuthUser,
    id: string,
    version: number,
    to: keyof typeof DECISION_EVENTS,
    step: (tx: Tx, referral: ReferralRow) => Promise<Parameters<ReferralsRepository['updateReferral']>[3]>,
  ): Promise<IncomingReferralDto> {
    const result = await this.unitOfWork.run(auth.id, async (tx) => {
      const referral = await this.referrals.referral(tx.manager, id, true);
      // Anyone but the recipient's admins: the referral does not exist for them.
      if (!referral || auth.orgRole !== 'org_admin' || auth.organizationId !== referral.toOrganizationId) throw notFound('Referral');
      if (version !== referral.version) throw versionConflict('referral', mapIncoming((await this.referrals.incomingOne(tx.manager, id))!));
      const from = referral.status;
      const allowed = from === 'sent' ? ['accepted', 'declined'] : from === 'accepted' ? ['completed'] : [];
      if (!allowed.includes(to)) throw new AppError('ILLEGAL_TRANSITION', `A referral cannot go from ${from} to ${to}`, { from, to, allowed });
      const updated = (await this.referrals.updateReferral(tx.manager, id, version, await step(tx, referral)))!;
      tx.record({ workspaceId: referral.caseId, type: DECISION_EVENTS[to], entityId: id, payload: mapReferral(updated) });
      return mapIncoming((await this.referrals.incomingOne(tx.manager, id))!);
    });
    this.logger.log(`Referral ${id} ${to} by ${auth.id}`);
    return result;
  }

  private async withdraw(tx: Tx, referral: ReferralRow, actorId: string): Promise<void> {
    const members = await this.workspaces.membersIn(tx, referral.caseId);
    for (const member of members) {
      if (referral.acceptedUserIds.includes(member.userId) && member.role !== 'owner') await this.workspaces.expel(tx, member);
    }
    const updated = (await this.referrals.updateReferral(tx.manager, referral.id, referral.version, { status: 'withdrawn' }))!;
    tx.record({ workspaceId: referral.caseId, type: 'referral.withdrawn', entityId: referral.id, payload: mapReferral(updated) });
    this.logger.log(`Referral ${referral.id} withdrawn (consent revoked by ${actorId})`);
  }

  private async caseOf(manager: EntityManager, caseId: string) {
    const row = await this.cases.find(caseId, manager);
    if (!row) throw notFound('Case');
    return row;
  }
}
