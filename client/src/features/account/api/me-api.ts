import type { UpdateMeInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

/** Keyed by user so one person's data can never be served to the next person on the same machine. */
export const meQueryKey = (userId: string) => ['me', userId] as const;

export const fetchMe = (signal?: AbortSignal) => data(api.GET('/api/me', { signal }));

/** The interface language, saved on the account: e-mails and notifications use it too. */
export const updateMe = (input: UpdateMeInput) => data(api.PATCH('/api/me', { body: input }));
