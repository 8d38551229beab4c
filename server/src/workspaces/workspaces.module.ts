import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { AccessModule } from './access.module.js';
import { MembersController } from './members.controller.js';
import { WorkspaceHooks } from './workspace-hooks.js';
import { WorkspaceMemberEntity } from './workspace-member.entity.js';
import { WorkspaceEntity } from './workspace.entity.js';
import { MyWorkspacesController, WorkspacesController } from './workspaces.controller.js';
import { WorkspacesService } from './workspaces.service.js';

export const WORKSPACES_ENTITIES = [WorkspaceEntity, WorkspaceMemberEntity];

/**
 * Workspaces and their members. Other domains plug in through WorkspaceHooks (what a new workspace of a
 * kind gets, what a member's removal ends) instead of this module knowing them.
 */
@Module({
  imports: [AccessModule, EventsModule],
  controllers: [WorkspacesController, MyWorkspacesController, MembersController],
  providers: [WorkspacesService, WorkspaceHooks],
  exports: [AccessModule, WorkspacesService, WorkspaceHooks],
})
export class WorkspacesModule {}
