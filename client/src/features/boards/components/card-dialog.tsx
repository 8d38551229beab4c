import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, CardDto, WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { CardCommitmentField } from '../../agreements/components/card-commitment-field';
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
  const askId = useId();
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  // Close, Escape and a click outside all come here: with unsaved changes the person is asked instead
  // (and Escape again, while asked, goes back to editing).
  const requestClose = () => {
    if (!dirty.current) onClose();
    else setAsking((current) => !current);
  };

  return (
    <Dialog
      open
      onClose={requestClose}
      className="card-dialog"
      title={
        <>
          <span className="visually-hidden">{t('board.card.dialogLabel')}: </span>
          {card.title}
        </>
      }
    >
      <div>
        {asking && (
          <div role="alertdialog" aria-labelledby={askId} className="alert alert-info card-discard">
            <p id={askId}>{t('boardUi.discard.question')}</p>
            <div className="button-row">
              <button type="button" className="button button-primary button-small" data-autofocus autoFocus onClick={() => setAsking(false)}>
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
        {workspace.kind === 'agreement' && <CardCommitmentField agreementId={workspace.id} card={card} canEdit={canEdit} />}
        <CardComments workspace={workspace} cardId={card.id} />
      </div>
    </Dialog>
  );
}
