import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { isVersionConflict } from '../hooks/use-board';
import { useUpdateColumn } from '../hooks/use-board-structure';
import { WipIndicator } from './wip-indicator';

/** What those who may change the board's structure get in every column header. */
export interface ColumnStructureActions {
  /** The board's columns in order, to find where a move puts this one. */
  columns: ColumnDto[];
  onOpenSettings: (columnId: string) => void;
  /** Said to assistive technology once a move is done: the column's new place. */
  onAnnounce: (message: string) => void;
}

interface ColumnHeaderProps {
  column: ColumnDto;
  headingId: string;
  /** Open cards in the column: what the WIP limit counts. */
  count: number;
  structure?: ColumnStructureActions;
}

export function ColumnHeader({ column, headingId, count, structure }: ColumnHeaderProps) {
  return (
    <header className="board-column-header">
      <div className="board-column-heading">
        <h3 id={headingId}>{column.title}</h3>
        <WipIndicator count={count} wipLimit={column.wipLimit} />
      </div>
      {structure && <ColumnActions column={column} structure={structure} />}
    </header>
  );
}

type Direction = 'left' | 'right';

function ColumnActions({ column, structure }: { column: ColumnDto; structure: ColumnStructureActions }) {
  const { t } = useTranslation();
  const move = useUpdateColumn();
  const buttons = useRef<Partial<Record<Direction, HTMLButtonElement | null>>>({});
  const { columns } = structure;
  const index = columns.findIndex((item) => item.id === column.id);
  const canMove = { left: index > 0, right: index >= 0 && index < columns.length - 1 };

  const onMove = (direction: Direction) => {
    if (!canMove[direction] || move.isPending) return;
    // The server places a column after another one (null: first), so a step left is "after the one two back".
    const afterColumnId = direction === 'left' ? (columns[index - 2]?.id ?? null) : columns[index + 1].id;
    const position = direction === 'left' ? index : index + 2;
    move.mutate(
      { column, input: { version: column.version, afterColumnId } },
      {
        onSuccess: () => {
          structure.onAnnounce(t('board.columns.moved', { title: column.title, position, total: columns.length }));
          // The column's element moved in the page, which can drop focus: keep it on the button pressed.
          requestAnimationFrame(() => buttons.current[direction]?.focus());
        },
      },
    );
  };

  return (
    <>
      <div className="column-actions">
        {(['left', 'right'] as const).map((direction) => (
          <button
            key={direction}
            ref={(element) => {
              buttons.current[direction] = element;
            }}
            type="button"
            className="button button-outline button-small"
            // aria-disabled rather than disabled: a button that becomes unavailable under focus keeps it.
            aria-disabled={!canMove[direction] || move.isPending}
            aria-label={t(direction === 'left' ? 'board.columns.moveLeftNamed' : 'board.columns.moveRightNamed', { title: column.title })}
            onClick={() => onMove(direction)}
          >
            <span aria-hidden="true">{direction === 'left' ? '←' : '→'}</span>
          </button>
        ))}
        <button type="button" className="button button-outline button-small" aria-label={t('board.columns.settingsFor', { title: column.title })} onClick={() => structure.onOpenSettings(column.id)}>
          {t('board.columns.settings')}
        </button>
      </div>
      {move.isError &&
        (isVersionConflict(move.error) ? (
          <p role="alert" className="alert alert-error small">
            {t('board.columns.conflict')}
          </p>
        ) : (
          <ErrorAlert error={move.error} />
        ))}
    </>
  );
}
