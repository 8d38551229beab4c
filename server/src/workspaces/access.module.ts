import { Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { WorkspacesRepository } from './workspaces.repository.js';

/**
 * Who may do what in a workspace, read from memberships: every domain module imports this, the event
 * log's routes included, without depending on the rest of WorkspacesModule (which writes through the log).
 */
@Module({
  providers: [AccessService, WorkspacesRepository],
  exports: [AccessService, WorkspacesRepository],
})
export class AccessModule {}
