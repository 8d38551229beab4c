import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, CardDto, WorkspaceDto } from '@enlace/shared';
import { Modal } from '../../../ui/modal';
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

export function CardDialog({ workspace, board, card, lookups, canEdit, canCreateLabels, onClose }: CardDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal open onClose={onClose} labelledBy={titleId} className="card-dialog">
      <div className="modal-header">
        <h2 id={titleId}>
          <span className="visually-hidden">{t('board.card.dialogLabel')}: </span>
          {card.title}
        </h2>
        <button type="button" className="button button-outline button-small" onClick={onClose}>
          {t('board.card.close')}
        </button>
      </div>
      <CardForm
        card={card}
        workspaceId={workspace.id}
        boardId={board.id}
        labels={board.labels}
        lookups={lookups}
        canEdit={canEdit}
        canCreateLabels={canEdit && canCreateLabels}
        onClose={onClose}
      />
      <CardComments workspace={workspace} cardId={card.id} />
    </Modal>
  );
}
