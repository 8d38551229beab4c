import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BoardSnapshotDto, CardDto, CommentDto, UpdateCardInput } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { useUserId } from '../../auth/hooks/use-user-id';
import { boardKeys } from '../api/board-keys';
import { addComment, createCard, fetchBoard, fetchBoards, fetchComments, moveCard, updateCard } from '../api/boards-api';
import { applyCard, conflictCard, moveCardLocally } from '../board-cache';

export function useBoards(workspaceId: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: boardKeys.list(userId, workspaceId),
    queryFn: ({ signal }) => fetchBoards(workspaceId, signal),
    enabled: userId !== '',
  });
}

export function useBoard(boardId: string | undefined) {
  const userId = useUserId();
  return useQuery({
    queryKey: boardKeys.detail(userId, boardId ?? ''),
    queryFn: ({ signal }) => fetchBoard(boardId ?? '', signal),
    enabled: userId !== '' && !!boardId,
    // Kept current by the socket (useWorkspaceSocket), which also fills in what a read missed: never stale.
    staleTime: Infinity,
  });
}

/** Writes a card into the cached board its `boardId` names. */
export function useApplyCard() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return (card: CardDto) =>
    queryClient.setQueryData<BoardSnapshotDto>(boardKeys.detail(userId, card.boardId), (board) => (board ? applyCard(board, card) : board));
}

/** On a version conflict the server's current card replaces ours; the caller shows the message. */
function useConflictHandler() {
  const apply = useApplyCard();
  return (error: unknown) => {
    if (error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT') {
      const current = conflictCard(error.details);
      if (current) apply(current);
      return current;
    }
    return null;
  };
}

export const isVersionConflict = (error: unknown) => error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT';

export function useCreateCard(boardId: string) {
  const apply = useApplyCard();
  return useMutation({ mutationFn: (input: { columnId: string; title: string }) => createCard(boardId, input), onSuccess: apply });
}

export function useUpdateCard() {
  const apply = useApplyCard();
  const onConflict = useConflictHandler();
  return useMutation({
    mutationFn: ({ cardId, input }: { cardId: string; input: UpdateCardInput }) => updateCard(cardId, input),
    onSuccess: apply,
    onError: onConflict,
  });
}

export function useMoveCard(boardId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const apply = useApplyCard();
  const onConflict = useConflictHandler();
  const key = boardKeys.detail(userId, boardId);
  return useMutation({
    mutationFn: ({ card, columnId, afterCardId }: { card: CardDto; columnId: string; afterCardId: string | null }) =>
      moveCard(card.id, { version: card.version, columnId, afterCardId }),
    onMutate: ({ card, columnId, afterCardId }) => {
      queryClient.setQueryData<BoardSnapshotDto>(key, (board) => (board ? moveCardLocally(board, card.id, columnId, afterCardId) : board));
    },
    onSuccess: apply,
    onError: (error, { card }) => {
      // A refused move (into a full column, say) undoes only the local move: the card's column goes back
      // (the local move kept its position and version), and whatever events changed meanwhile stays. A
      // newer version of the card, from someone else, is the server's word and is left as it is.
      queryClient.setQueryData<BoardSnapshotDto>(key, (board) => {
        const current = board?.cards.find((item) => item.id === card.id);
        return board && current?.version === card.version ? applyCard(board, { ...current, columnId: card.columnId }) : board;
      });
      onConflict(error);
    },
  });
}

export function useComments(cardId: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: boardKeys.comments(userId, cardId),
    queryFn: ({ signal }) => fetchComments(cardId, signal),
    enabled: userId !== '',
  });
}

export function useAddComment(cardId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addComment(cardId, body),
    onSuccess: (comment) => appendComment(queryClient, userId, comment),
  });
}

export function appendComment(queryClient: ReturnType<typeof useQueryClient>, userId: string, comment: CommentDto) {
  queryClient.setQueryData<{ items: CommentDto[] }>(boardKeys.comments(userId, comment.cardId), (list) =>
    list && !list.items.some((item) => item.id === comment.id) ? { items: [...list.items, comment] } : list,
  );
}
