import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccessService } from '../common/authorization/access.service.js';
import { EventBus } from '../events/event-bus.js';
import { EventsController } from '../events/events.controller.js';
import { EventsRepository } from '../events/events.repository.js';
import { EventsService } from '../events/events.service.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { InvitationLinksController, WorkspaceInvitationsController } from '../invitations/invitations.controller.js';
import { InvitationsRepository } from '../invitations/invitations.repository.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { MailModule } from '../mail/mail.module.js';
import { MembersController } from './members.controller.js';
import { WorkspacesController } from './workspaces.controller.js';
import { WorkspacesRepository } from './workspaces.repository.js';
import { WorkspacesService } from './workspaces.service.js';

/** Workspaces, their members and invitations, and the event log every workspace write goes through. */
@Module({
  imports: [AccountsModule, MailModule],
  controllers: [WorkspacesController, MembersController, WorkspaceInvitationsController, InvitationLinksController, EventsController],
  providers: [
    WorkspacesService,
    WorkspacesRepository,
    InvitationsService,
    InvitationsRepository,
    AccessService,
    EventsService,
    EventsRepository,
    EventBus,
    UnitOfWork,
  ],
  exports: [WorkspacesService, WorkspacesRepository, AccessService, EventsRepository, EventBus, UnitOfWork],
})
export class WorkspacesModule {}
