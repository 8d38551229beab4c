import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CardDto } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { boardKeys } from '../api/board-keys';
import { fetchArchivedCards, updateCard } from '../api/boards-api';
import { useApplyCard } from './use-board';

/** A board's archived cards, most recently archived first, a page at a time. Live events refetch it (board-sync). */
export function useArchivedCards(boardId: string) {
  const userId = useUserId();
  return useInfiniteQuery({
    queryKey: boardKeys.archived(userId, boardId),
    queryFn: ({ pageParam, signal }) => fetchArchivedCards(boardId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: userId !== '',
  });
}

/** Puts an archived card back on the board, in its column; the list is read again whatever the answer. */
export function useRestoreCard(boardId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const apply = useApplyCard();
  return useMutation({
    mutationFn: (card: CardDto) => updateCard(card.id, { version: card.version, archived: false }),
    onSuccess: apply,
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.archived(userId, boardId) }),
  });
}
