import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BoardSummaryDto } from '@enlace/shared';

/** The search string that shows `boardId`, keeping the rest of the address (the workspace tab). */
export function searchWithBoard(params: URLSearchParams, boardId: string): string {
  const next = new URLSearchParams(params);
  next.set('board', boardId);
  return `?${next.toString()}`;
}

/**
 * The workspace's boards as links: the board shown is in the address, so it survives a reload and can
 * be shared, Back returns to the previous one, and every link is reachable and named without ARIA tricks.
 */
export function BoardSwitcher({ boards, currentId }: { boards: BoardSummaryDto[]; currentId: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <nav aria-label={t('board.boards.switcher')} className="board-switcher">
      <ul>
        {boards.map((board) => (
          <li key={board.id}>
            <Link to={{ search: searchWithBoard(params, board.id) }} aria-current={board.id === currentId ? 'page' : undefined}>
              {board.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
