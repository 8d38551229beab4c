import { ApiRequestError } from '../../api/api-error';

/** `details` of a 409 WIP_LIMIT_REACHED: the full column, its limit and the open cards it holds. */
export interface WipLimitDetails {
  columnId: string;
  wipLimit: number;
  count: number;
}

/** The refusal's details when `error` is a column at its work-in-progress limit, else null. */
export function wipLimitOf(error: unknown): WipLimitDetails | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'WIP_LIMIT_REACHED') return null;
  const details = error.details as Partial<WipLimitDetails> | null | undefined;
  return typeof details?.columnId === 'string' && typeof details.wipLimit === 'number' && typeof details.count === 'number'
    ? { columnId: details.columnId, wipLimit: details.wipLimit, count: details.count }
    : null;
}

export type WipState = 'none' | 'room' | 'full' | 'over';

/** Where a column stands against its limit; `over` happens when a limit is lowered below the count. */
export function wipStateOf(count: number, wipLimit: number | null): WipState {
  if (wipLimit === null) return 'none';
  return count < wipLimit ? 'room' : count === wipLimit ? 'full' : 'over';
}
