import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { EventsModule } from '../events/events.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { BoardEntity, CardEntity, ColumnEntity, CommentEntity, LabelEntity } from './board.entities.js';
import { AssignedCardsController } from './assigned-cards.controller.js';
import { AssignedCardsRepository } from './assigned-cards.repository.js';
import { AssignedCardsService } from './assigned-cards.service.js';
import { BoardsController } from './boards.controller.js';
import { BoardStructureRepository } from './board-structure.repository.js';
import { CardsRepository } from './cards.repository.js';
import { BoardsService } from './boards.service.js';
import { CardsService } from './cards.service.js';
import { ColumnsService } from './columns.service.js';
import { LabelsService } from './labels.service.js';

export const BOARDS_ENTITIES = [BoardEntity, ColumnEntity, LabelEntity, CardEntity, CommentEntity];

@Module({
  imports: [AccountsModule, WorkspacesModule, EventsModule],
  controllers: [BoardsController, AssignedCardsController],
  providers: [BoardsService, ColumnsService, LabelsService, CardsService, BoardStructureRepository, CardsRepository, AssignedCardsService, AssignedCardsRepository],
  exports: [CardsService],
})
export class BoardsModule {}
