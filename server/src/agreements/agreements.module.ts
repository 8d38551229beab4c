import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { EventsModule } from '../events/events.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AgreementEntity, AmendmentEntity, CommitmentEntity, PartyEntity, ProgressEntity, TransitionEntity } from './agreement.entities.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsRepository } from './agreements.repository.js';
import { AgreementsService } from './agreements.service.js';
import { CommitmentsController } from './commitments.controller.js';
import { CommitmentsRepository } from './commitments.repository.js';
import { CommitmentsService } from './commitments.service.js';
import { PartiesService } from './parties.service.js';

export const AGREEMENTS_ENTITIES = [AgreementEntity, PartyEntity, TransitionEntity, AmendmentEntity, CommitmentEntity, ProgressEntity];

/** Agreement workspaces: the agreement record (a WorkspaceHooks setup), parties, lifecycle, amendments, commitments. */
@Module({
  imports: [AccountsModule, WorkspacesModule, EventsModule],
  controllers: [AgreementsController, CommitmentsController],
  providers: [AgreementsService, PartiesService, CommitmentsService, AgreementsRepository, CommitmentsRepository],
})
export class AgreementsModule {}
