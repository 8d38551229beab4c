import { Module } from '@nestjs/common';
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

export const CASES_ENTITIES = [CaseEntity, CaseTransitionEntity, ConsentEntity, ReferralEntity];

/** Case workspaces: the case record (a WorkspaceHooks setup for kind case), its encrypted sensitive fields, consents and referrals. */
@Module({
  imports: [WorkspacesModule, EventsModule, BoardsModule],
  controllers: [CasesController, ReferralsController, StatisticsController, CaseSettingsController],
  providers: [CaseRetention, CasesService, SensitiveService, ReferralsService, CasesRepository, SensitiveRepository, ReferralsRepository, StatisticsService, StatisticsRepository],
})
export class CasesModule {}
