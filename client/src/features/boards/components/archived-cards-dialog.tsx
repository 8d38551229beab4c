import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto, CardDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Dialog } from '../../../ui/dialog';
import { PageStatus } from '../../../ui/page-status';
import { formatMoment } from '../../../i18n/format';
import { useArchivedCards, useRestoreCard } from '../hooks/use-archived-cards';

/**
 * The board's archived cards, most recently archived first, where they are found again and, by those who
 * edit cards, restored to their column. `board` is the cached one, so column names follow live changes.
 */
export function ArchivedCardsDialog({ board, canRestore, onClose }: { board: BoardDto; canRestore: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const archived = useArchivedCards(board.id);
  const restore = useRestoreCard(board.id);
  const [restoredTitle, setRestoredTitle] = useState<string>();
  const cards = uniqueById(archived.data?.pages.flatMap((page) => page.items) ?? []);
  const columnTitle = (columnId: string) => board.columns.find((column) => column.id === columnId)?.title ?? '';

  const onRestore = (card: CardDto) => {
    setRestoredTitle(undefined);
    restore.mutate(card, { onSuccess: () => setRestoredTitle(card.title) });
  };

  return (
    <Dialog open onClose={onClose} title={t('board.archived.dialogTitle')} className="archived-cards-dialog">
      {restore.isError && <ErrorAlert error={restore.error} />}
      <p role="status" className="small">
        {restoredTitle ? t('board.archived.restored', { title: restoredTitle }) : ''}
      </p>
      {archived.isPending ? (
        <PageStatus message={t('app.loading')} />
      ) : archived.isError ? (
        <ErrorAlert error={archived.error} />
      ) : cards.length === 0 ? (
        <p>{t('board.archived.empty')}</p>
      ) : (
        <ul className="archived-list" aria-label={t('board.archived.dialogTitle')}>
          {cards.map((card) => (
            <li key={card.id} className="archived-item">
              <div className="archived-item-text">
                <span className="archived-item-title">{card.title}</span>
                <span className="small muted">{t('board.archived.details', { column: columnTitle(card.columnId), changed: formatMoment(card.updatedAt, i18n.language) })}</span>
              </div>
              {canRestore && (
                <button
                  type="button"
                  className="button button-outline button-small"
                  disabled={restore.isPending}
                  aria-label={t('board.archived.restoreNamed', { title: card.title })}
                  onClick={() => onRestore(card)}
                >
                  {t('board.archived.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {archived.hasNextPage && (
        <button type="button" className="button button-outline" disabled={archived.isFetchingNextPage} onClick={() => void archived.fetchNextPage()}>
          {archived.isFetchingNextPage ? t('app.loading') : t('board.archived.more')}
        </button>
      )}
    </Dialog>
  );
}

/** Pages read while cards were restored can overlap (the server starts over from a restored cursor). */
function uniqueById(cards: CardDto[]): CardDto[] {
  const seen = new Set<string>();
  return cards.filter((card) => !seen.has(card.id) && seen.add(card.id));
}
