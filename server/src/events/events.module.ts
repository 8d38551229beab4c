import { Module } from '@nestjs/common';
import { AccessModule } from '../workspaces/access.module.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { AuditSigner } from './audit-signer.js';
import { CheckpointScheduler } from './checkpoint-scheduler.js';
import { EventBus } from './event-bus.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';
import { UnitOfWork } from './unit-of-work.js';
import { WorkspaceEventEntity } from './workspace-event.entity.js';

export const EVENTS_ENTITIES = [WorkspaceEventEntity];

/**
 * The workspace event log: the unit of work every write goes through, the bus that broadcasts after commit,
 * catch-up, and the audit trail (verification, signed checkpoints, export).
 */
@Module({
  imports: [AccessModule],
  controllers: [EventsController, AuditController],
  providers: [
    EventsRepository,
    EventBus,
    UnitOfWork,
    EventsService,
    AuditSigner,
    AuditCheckpointsRepository,
    AuditCheckpoints,
    CheckpointScheduler,
    AuditService,
  ],
  exports: [EventsRepository, EventBus, UnitOfWork],
})
export class EventsModule {}
