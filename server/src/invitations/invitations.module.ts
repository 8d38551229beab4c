import { Module, type OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { EventsModule } from '../events/events.module.js';
import { MailModule } from '../mail/mail.module.js';
import { WorkspaceHooks } from '../workspaces/workspace-hooks.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { InvitationEntity } from './invitation.entity.js';
import { InvitationLinksController, MyInvitationsController, WorkspaceInvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';

export const INVITATIONS_ENTITIES = [InvitationEntity];

/** Invitations to workspaces, by e-mail, with single-use links. */
@Module({
  imports: [AccountsModule, WorkspacesModule, EventsModule, MailModule],
  controllers: [WorkspaceInvitationsController, InvitationLinksController, MyInvitationsController],
  providers: [InvitationsService, InvitationsRepository],
})
export class InvitationsModule implements OnModuleInit {
  constructor(
    private readonly hooks: WorkspaceHooks,
    private readonly invitations: InvitationsRepository,
  ) {}

  onModuleInit(): void {
    // A removed member's pending invitations die with the membership: no old link lets them back in.
    this.hooks.onMemberRemoved((tx, member) => this.invitations.revokePending(tx.manager, member.workspaceId, member.email));
  }
}
