import { api, data } from '../../../api/http';

/** Keyed by user so one person's data can never be served to the next person on the same machine. */
export const meQueryKey = (userId: string) => ['me', userId] as const;

export const fetchMe = (signal?: AbortSignal) => data(api.GET('/api/me', { signal }));
