import { Module } from '@nestjs/common';
import { AccessModule } from '../workspaces/access.module.js';
import { EventBus } from './event-bus.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';
import { UnitOfWork } from './unit-of-work.js';
import { WorkspaceEventEntity } from './workspace-event.entity.js';

export const EVENTS_ENTITIES = [WorkspaceEventEntity];

/** The workspace event log: the unit of work every write goes through, the bus that broadcasts after commit, catch-up and audit. */
@Module({
  imports: [AccessModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventBus, UnitOfWork, EventsService],
  exports: [EventsRepository, EventBus, UnitOfWork],
})
export class EventsModule {}
