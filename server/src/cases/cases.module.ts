import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { BoardsModule } from '../boards/boards.module.js';
import { EventsModule } from '../events/events.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { CaseRetention } from './case-retention.js';
import { CaseSettingsController } from './case-settings.controller.js';
import { CaseEntity, CaseTransitionEntity, ConsentEntity, ReferralEntity } from './case.entities.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';
import { SensitiveRepository } from './sensitive.repository.js';
import { SensitiveService } from './sensitive.service.js';
import { StatisticsController } from './statistics.controller.js';
import { StatisticsRepository } from './statistics.repository.js';
import { StatisticsService } from './statistics.service.js';
import { StageTemplatesController } from './stage-templates.controller.js';
import { StageTemplatesRepository } from './stage-templates.repository.js';
import { StageTemplatesService } from './stage-templates.service.js';
import { TracksController } from './tracks.controller.js';
import { TracksRepository } from './tracks.repository.js';
import { TracksService } from './tracks.service.js';

export const CASES_ENTITIES = [CaseEntity, CaseTransitionEntity, ConsentEntity, ReferralEntity];

/**
 * Case workspaces: the case record (a WorkspaceHooks setup for kind case), its encrypted sensitive fields, consents
 * and referrals, its assistance and criminal-justice tracks, and organisations' stage templates.
 */
@Module({
  imports: [WorkspacesModule, EventsModule, BoardsModule, AccountsModule],
  controllers: [CasesController, ReferralsController, TracksController, StatisticsController, CaseSettingsController, StageTemplatesController],
  providers: [
    CaseRetention,
    CasesService,
    SensitiveService,
    ReferralsService,
    TracksService,
    StageTemplatesService,
    CasesRepository,
    SensitiveRepository,
    ReferralsRepository,
    TracksRepository,
    StageTemplatesRepository,
    StatisticsService,
    StatisticsRepository,
  ],
})
export class CasesModule {}
