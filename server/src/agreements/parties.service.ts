import { Injectable } from '@nestjs/common';
import type { AddPartyInput, PartyDto, UpdatePartyInput } from '@enlace/shared';
import type { EntityManager } from 'typeorm';
import { OrganizationsRepository } from '../accounts/organizations.repository.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError, notFound, versionConflict } from '../common/errors/app-error.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { AccessService } from '../workspaces/access.service.js';
import { WorkspacesRepository } from '../workspaces/workspaces.repository.js';
import { AgreementsRepository, type PartyChanges } from './agreements.repository.js';

/**
 * The organisations party to an agreement. Being a party gives nobody access: the workspace's owners and
 * coordinators invite the party's people, and a party's contact must already be a member.
 */
@Injectable()
export class PartiesService {
  constructor(
    private readonly agreements: AgreementsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async add(auth: AuthUser, agreementId: string, input: AddPartyInput): Promise<PartyDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      await this.editable(auth, agreementId, tx.manager);
      const problems: Problem[] = [];
      if (!(await this.organizations.findById(input.organizationId, tx.manager))) {
        problems.push({ path: 'organizationId', message: 'Unknown organisation', code: 'invalid_reference' });
      }
      await this.checkContact(tx.manager, agreementId, input.contactUserId, problems);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is not valid', problems);
      const party = await this.agreements.insertParty(tx.manager, {
        agreementId,
        organizationId: input.organizationId,
        role: input.role,
        contactUserId: input.contactUserId ?? null,
        signedOn: input.signedOn ?? null,
      });
      tx.record({ workspaceId: agreementId, type: 'party.added', entityId: party.organizationId, payload: party });
      return party;
    });
  }

  async update(auth: AuthUser, agreementId: string, organizationId: string, input: UpdatePartyInput): Promise<PartyDto> {
    return this.unitOfWork.run(auth.id, async (tx) => {
      await this.editable(auth, agreementId, tx.manager);
      const party = await this.agreements.party(agreementId, organizationId, tx.manager);
      if (!party) throw notFound('Party');
      const { version, ...fields } = input;
      const changes: PartyChanges = {};
      for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
        if (value !== undefined && value !== party[key]) Object.assign(changes, { [key]: value });
      }
      if (version !== party.version) throw versionConflict('party', party);
      if (Object.keys(changes).length === 0) return party;
      const problems: Problem[] = [];
      await this.checkContact(tx.manager, agreementId, changes.contactUserId, problems);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is not valid', problems);
      const updated = await this.agreements.updateParty(tx.manager, agreementId, organizationId, version, changes);
      if (!updated) throw versionConflict('party', (await this.agreements.party(agreementId, organizationId, tx.manager))!);
      tx.record({ workspaceId: agreementId, type: 'party.updated', entityId: organizationId, payload: updated });
      return updated;
    });
  }

  /** A party still responsible for a commitment is refused (409 PARTY_HAS_COMMITMENTS). */
  async remove(auth: AuthUser, agreementId: string, organizationId: string): Promise<void> {
    await this.unitOfWork.run(auth.id, async (tx) => {
      await this.editable(auth, agreementId, tx.manager);
      if (!(await this.agreements.party(agreementId, organizationId, tx.manager))) throw notFound('Party');
      await this.agreements.deleteParty(tx.manager, agreementId, organizationId);
      tx.record({ workspaceId: agreementId, type: 'party.removed', entityId: organizationId, payload: { agreementId, organizationId } });
    });
  }

  private async editable(auth: AuthUser, agreementId: string, manager: EntityManager): Promise<void> {
    (await this.access.workspace(auth, agreementId, manager)).require('update', 'Agreement');
    if (!(await this.agreements.find(agreementId, manager))) throw notFound('Agreement');
  }

  private async checkContact(manager: EntityManager, agreementId: string, contactUserId: string | null | undefined, problems: Problem[]): Promise<void> {
    if (contactUserId && !(await this.workspaces.findMembership(agreementId, contactUserId, manager))) {
      problems.push({ path: 'contactUserId', message: 'The contact must be a member of the workspace', code: 'invalid_reference' });
    }
  }
}

interface Problem {
  path: string;
  message: string;
  code: string;
}
