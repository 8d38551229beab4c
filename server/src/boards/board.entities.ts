import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChecklistItem, Priority } from '@enlace/shared';

@Entity('boards')
export class BoardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @Column('text')
  title: string;

  @Column('integer')
  version: number;
}

@Entity('board_columns')
export class ColumnEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'board_id' })
  boardId: string;

  @Column('text')
  title: string;

  @Column('text')
  position: string;

  @Column('integer', { name: 'wip_limit', nullable: true })
  wipLimit: number | null;

  /** Cards here count as done for the commitments they are linked to (which changes no commitment's status). */
  @Column('boolean')
  done: boolean;

  @Column('integer')
  version: number;
}

@Entity('board_labels')
export class LabelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'board_id' })
  boardId: string;

  @Column('text')
  name: string;

  @Column('text')
  color: string;

  @Column('integer')
  version: number;
}

@Entity('cards')
export class CardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'board_id' })
  boardId: string;

  @Column('uuid', { name: 'column_id' })
  columnId: string;

  @Column('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  position: string;

  @Column('uuid', { name: 'assignee_ids', array: true })
  assigneeIds: string[];

  @Column('uuid', { name: 'responsible_organization_id', nullable: true })
  responsibleOrganizationId: string | null;

  /** A calendar date, kept as the string PostgreSQL gives, so no time zone shifts it. */
  @Column('date', { name: 'due_date', nullable: true })
  dueDate: string | null;

  @Column('text')
  priority: Priority;

  @Column('uuid', { name: 'label_ids', array: true })
  labelIds: string[];

  @Column('jsonb')
  checklist: ChecklistItem[];

  @Column('uuid', { name: 'commitment_id', nullable: true })
  commitmentId: string | null;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @Column('integer', { name: 'comment_count' })
  commentCount: number;

  @Column('integer')
  version: number;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

@Entity('card_comments')
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'card_id' })
  cardId: string;

  @Column('uuid', { name: 'workspace_id' })
  workspaceId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('text')
  body: string;

  @Column('uuid', { array: true })
  mentions: string[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
