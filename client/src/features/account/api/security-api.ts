import type { ChangePasswordInput, ConfirmTwoFactorInput, RemoveTwoFactorInput } from '@enlace/shared';
import { api, data } from '../../../api/http';

export const sessionsQueryKey = (userId: string) => ['sessions', userId] as const;

export const startTwoFactor = () => data(api.POST('/api/me/two-factor'));
export const confirmTwoFactor = (input: ConfirmTwoFactorInput) => data(api.POST('/api/me/two-factor/confirm', { body: input }));
export const removeTwoFactor = (input: RemoveTwoFactorInput) => data(api.DELETE('/api/me/two-factor', { body: input }));
export const changePassword = (input: ChangePasswordInput) => data(api.POST('/api/me/password', { body: input }));
export const fetchSessions = (signal?: AbortSignal) => data(api.GET('/api/me/sessions', { signal }));
export const endSession = (id: string) => data(api.DELETE('/api/me/sessions/{id}', { params: { path: { id } } }));
