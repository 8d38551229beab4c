import type { LoginInput, LoginResponseDto } from '@enlace/shared';
import { http } from '../../../api/http';

// Both are cookie-based: no bearer token, and a 401 here means what it says (no refresh retry).
export const login = (input: LoginInput) => http.post<LoginResponseDto>('/auth/login', input, { auth: false });

export const logout = () => http.post<void>('/auth/logout', undefined, { auth: false });
