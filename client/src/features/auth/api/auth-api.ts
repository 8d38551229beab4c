import type { LoginInput } from '@enlace/shared';
import { data, publicApi } from '../../../api/http';

// Both are cookie-based: no bearer token, and a 401 here means what it says (no refresh retry).
export const login = (input: LoginInput) => data(publicApi.POST('/api/auth/login', { body: input }));

export const logout = () => data(publicApi.POST('/api/auth/logout'));
