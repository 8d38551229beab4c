import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, BoardSummaryDto } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/error-alert';
import { Dialog } from '../../../ui/dialog';
import { conflictCurrent } from '../board-cache';
import { isVersionConflict } from '../hooks/use-board';
import { useRenameBoard } from '../hooks/use-board-structure';
import { LabelManager } from './label-manager';

/** The board's title and labels, for owners and coordinators. `board` is the cached one: it follows live changes. */
export function BoardSettingsDialog({ board, onClose }: { board: BoardDto; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} title={t('board.settings.dialogTitle')} className="board-settings-dialog">
      <BoardTitleForm board={board} />
      <LabelManager boardId={board.id} labels={board.labels} />
    </Dialog>
  );
}

type SaveStatus = 'idle' | 'saved' | 'unchanged';

function BoardTitleForm({ board }: { board: BoardSummaryDto }) {
  const { t } = useTranslation();
  const rename = useRenameBoard();
  // The version the edit started from: a rename by someone else in between is a conflict, not an overwrite.
  const [base, setBase] = useState<BoardSummaryDto>(board);
  const [title, setTitle] = useState(board.title);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [showInvalid, setShowInvalid] = useState(false);
  const dirty = title !== base.title;
  const missing = !title.trim();

  if (board.version > base.version && !dirty) {
    setBase(board);
    setTitle(board.title);
  }

  const restart = (from: BoardSummaryDto) => {
    setBase(from);
    setTitle(from.title);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (missing) {
      setShowInvalid(true);
      return;
    }
    if (title.trim() === base.title) {
      setStatus('unchanged');
      return;
    }
    rename.mutate(
      { boardId: base.id, input: { version: base.version, title: title.trim() } },
      {
        onSuccess: (next) => {
          restart(next);
          setStatus('saved');
        },
        onError: (error) => {
          const current = isVersionConflict(error) ? conflictCurrent<BoardSummaryDto>((error as ApiRequestError).details) : null;
          if (current) restart(current);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {rename.isError &&
        (isVersionConflict(rename.error) ? (
          <p role="alert" className="alert alert-error">
            {t('board.settings.conflict')}
          </p>
        ) : (
          <ErrorAlert error={rename.error} />
        ))}
      <TextInput
        label={t('board.settings.title')}
        value={title}
        maxLength={120}
        onChange={(event) => {
          setStatus('idle');
          setTitle(event.currentTarget.value);
        }}
        error={showInvalid && missing && t('board.settings.titleRequired')}
      />
      <Group gap="sm">
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? t('board.settings.saving') : t('board.settings.save')}
        </Button>
        <span role="status" className="small">
          {status === 'saved' ? t('board.settings.saved') : status === 'unchanged' ? t('board.settings.noChanges') : ''}
        </span>
      </Group>
    </form>
  );
}
