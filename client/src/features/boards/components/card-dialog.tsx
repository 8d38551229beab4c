import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, CardDto, WorkspaceDto } from '@enlace/shared';
import { Modal } from '../../../ui/modal';
import { useUserId } from '../../auth/hooks/use-user-id';
import { clearStoredDraft } from '../card-draft-store';
import type { BoardLookups } from '../hooks/use-board-lookups';
import { CardComments } from './card-comments';
import { CardForm } from './card-form';

interface CardDialogProps {
  workspace: WorkspaceDto;
  board: BoardDto;
  /** The cached card: it follows live updates while the dialog is open. */
  card: CardDto;
  lookups: BoardLookups;
  /** May edit the card (CASL `update` `Card`); otherwise every field is read-only. */
  canEdit: boolean;
  /** May add labels to the board (CASL `update` `Board`). */
  canCreateLabels: boolean;
  onClose: () => void;
}

/** Closing with unsaved changes (Close or Escape) asks first: keep editing, keep the draft for later, or discard it. */
export function CardDialog({ workspace, board, card, lookups, canEdit, canCreateLabels, onClose }: CardDialogProps) {
  const { t } = useTranslation();
  const userId = useUserId();
  const titleId = useId();
  const askId = useId();
  const contentRef = useRef<HTMLDivElement>(null);
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const requestClose = useCallback(() => {
    if (dirty.current) setAsking(true);
    else onClose();
  }, [onClose]);

  // Escape asks the native <dialog> to close: with unsaved changes it asks the person instead.
  useEffect(() => {
    const dialog = contentRef.current?.closest('dialog');
    if (!dialog) return;
    const onCancel = (event: Event) => {
      if (!dirty.current) return;
      event.preventDefault();
      setAsking((current) => !current);
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  return (
    <Modal open onClose={onClose} labelledBy={titleId} className="card-dialog">
      <div ref={contentRef}>
        <div className="modal-header">
          <h2 id={titleId}>
            <span className="visually-hidden">{t('board.card.dialogLabel')}: </span>
            {card.title}
          </h2>
          <button type="button" className="button button-outline button-small" onClick={requestClose}>
            {t('board.card.close')}
          </button>
        </div>
        {asking && (
          <div role="alertdialog" aria-labelledby={askId} className="alert alert-info card-discard">
            <p id={askId}>{t('boardUi.discard.question')}</p>
            <div className="button-row">
              <button type="button" className="button button-primary button-small" autoFocus onClick={() => setAsking(false)}>
                {t('boardUi.discard.keepEditing')}
              </button>
              <button type="button" className="button button-outline button-small" onClick={onClose}>
                {t('boardUi.discard.keepDraft')}
              </button>
              <button
                type="button"
                className="button button-outline button-small"
                onClick={() => {
                  clearStoredDraft(userId, card.id);
                  onClose();
                }}
              >
                {t('boardUi.discard.discard')}
              </button>
            </div>
          </div>
        )}
        <CardForm
          card={card}
          workspaceId={workspace.id}
          boardId={board.id}
          labels={board.labels}
          lookups={lookups}
          canEdit={canEdit}
          canCreateLabels={canEdit && canCreateLabels}
          onClose={onClose}
          onDirtyChange={onDirtyChange}
        />
        <CardComments workspace={workspace} cardId={card.id} />
      </div>
    </Modal>
  );
}
