import type { MeDto } from '@enlace/shared';
import { http } from '../../../api/http';

/** Keyed by user so one person's data can never be served to the next person on the same machine. */
export const meQueryKey = (userId: string) => ['me', userId] as const;

export const fetchMe = (signal?: AbortSignal) => http.get<MeDto>('/me', { signal });
