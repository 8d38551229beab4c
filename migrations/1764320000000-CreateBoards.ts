import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBoards1764320000000 implements MigrationInterface {
  name = 'CreateBoards1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE boards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        title text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX boards_workspace_id_idx ON boards (workspace_id)`);
    // Positions are fractional keys compared byte by byte: "C" collation, whatever the database locale.
    await queryRunner.query(`
      CREATE TABLE board_columns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        title text NOT NULL,
        position text COLLATE "C" NOT NULL,
        wip_limit integer CHECK (wip_limit > 0),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX board_columns_board_id_idx ON board_columns (board_id, position)`);
    await queryRunner.query(`
      CREATE TABLE board_labels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        name text NOT NULL,
        color text NOT NULL CHECK (color ~ '^#[0-9a-fA-F]{6}$')
      )`);
    await queryRunner.query(`CREATE INDEX board_labels_board_id_idx ON board_labels (board_id)`);
    await queryRunner.query(`
      CREATE TABLE cards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        column_id uuid NOT NULL REFERENCES board_columns (id),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        position text COLLATE "C" NOT NULL,
        assignee_ids uuid[] NOT NULL DEFAULT '{}',
        responsible_organization_id uuid REFERENCES organizations (id),
        due_date date,
        priority text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
        label_ids uuid[] NOT NULL DEFAULT '{}',
        checklist jsonb NOT NULL DEFAULT '[]',
        commitment_id uuid,
        archived_at timestamptz,
        comment_count integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cards_column_position_idx ON cards (column_id, position, id)`);
    await queryRunner.query(`CREATE INDEX cards_board_id_idx ON cards (board_id)`);
    await queryRunner.query(`
      CREATE TABLE card_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        card_id uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX card_comments_card_id_idx ON card_comments (card_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE card_comments`);
    await queryRunner.query(`DROP TABLE cards`);
    await queryRunner.query(`DROP TABLE board_labels`);
    await queryRunner.query(`DROP TABLE board_columns`);
    await queryRunner.query(`DROP TABLE boards`);
  }
}
