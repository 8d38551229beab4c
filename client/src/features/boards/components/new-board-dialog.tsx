import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Dialog } from '../../../ui/dialog';
import { useCreateBoard } from '../hooks/use-board-structure';

/** A new board for the workspace; the server gives it the default columns. */
export function NewBoardDialog({ workspaceId, onCreated, onClose }: { workspaceId: string; onCreated: (board: BoardDto) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = { title: useId(), error: useId() };
  const create = useCreateBoard(workspaceId);
  const [title, setTitle] = useState('');
  const [showInvalid, setShowInvalid] = useState(false);
  const missing = !title.trim();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (missing) {
      setShowInvalid(true);
      return;
    }
    create.mutate(title.trim(), { onSuccess: onCreated });
  };

  return (
    <Dialog open onClose={onClose} title={t('board.boards.newDialogTitle')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {create.isError && <ErrorAlert error={create.error} />}
        <div className="field">
          <label htmlFor={ids.title}>{t('board.boards.title')}</label>
          <input
            id={ids.title}
            value={title}
            maxLength={120}
            required
            aria-invalid={showInvalid && missing}
            aria-describedby={showInvalid && missing ? ids.error : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {showInvalid && missing && (
            <p id={ids.error} className="form-error small">
              {t('board.settings.titleRequired')}
            </p>
          )}
        </div>
        <p className="small muted">{t('board.boards.defaultColumnsHint')}</p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('board.boards.creating') : t('board.boards.create')}
          </button>
          <button type="button" className="button button-outline" onClick={onClose}>
            {t('board.card.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
