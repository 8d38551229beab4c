/** Apart from the requests, so that the cache logic (board-sync.ts) loads, and is tested, without the HTTP client. */
export const boardKeys = {
  list: (userId: string, workspaceId: string) => ['boards', userId, 'list', workspaceId] as const,
  /** Every cached board of this user: a live event is offered to each, and each keeps what concerns it. */
  details: (userId: string) => ['boards', userId, 'detail'] as const,
  detail: (userId: string, boardId: string) => ['boards', userId, 'detail', boardId] as const,
  archived: (userId: string, boardId: string) => ['boards', userId, 'archived', boardId] as const,
  comments: (userId: string, cardId: string) => ['boards', userId, 'comments', cardId] as const,
};
