import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { EventsModule } from '../events/events.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AgreementEntity, AmendmentEntity, CommitmentEntity, EvidenceFileEntity, IndicatorEntity, MeasurementEntity, PartyEntity, ProgressEntity, TransitionEntity } from './agreement.entities.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsRepository } from './agreements.repository.js';
import { AgreementsService } from './agreements.service.js';
import { CommitmentsController } from './commitments.controller.js';
import { CommitmentsRepository } from './commitments.repository.js';
import { CommitmentsExportService } from './commitments-export.service.js';
import { CommitmentsService } from './commitments.service.js';
import { EvidenceCleanup } from './evidence-cleanup.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceService } from './evidence.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsRepository } from './indicators.repository.js';
import { IndicatorsService } from './indicators.service.js';
import { PartiesService } from './parties.service.js';

export const AGREEMENTS_ENTITIES = [AgreementEntity, PartyEntity, TransitionEntity, AmendmentEntity, CommitmentEntity, ProgressEntity, IndicatorEntity, MeasurementEntity, EvidenceFileEntity];

/** Agreement workspaces: the agreement record (a WorkspaceHooks setup), parties, lifecycle, amendments, commitments, indicators, evidence and the export. */
@Module({
  imports: [AccountsModule, WorkspacesModule, EventsModule],
  controllers: [AgreementsController, CommitmentsController, IndicatorsController, EvidenceController],
  providers: [
    AgreementsService,
    PartiesService,
    CommitmentsService,
    CommitmentsExportService,
    IndicatorsService,
    EvidenceService,
    EvidenceCleanup,
    AgreementsRepository,
    CommitmentsRepository,
    IndicatorsRepository,
    EvidenceRepository,
  ],
})
export class AgreementsModule {}
