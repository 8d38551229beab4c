import type { ForgotPasswordInput, LoginInput, MfaLoginInput, ResetPasswordInput } from '@enlace/shared';
import { data, publicApi } from '../../../api/http';

// All cookie-based or anonymous: no bearer token, and a 401 here means what it says (no refresh retry).
export const login = (input: LoginInput) => data(publicApi.POST('/api/auth/login', { body: input }));

export const loginWithCode = (input: MfaLoginInput) => data(publicApi.POST('/api/auth/login/mfa', { body: input }));

export const logout = () => data(publicApi.POST('/api/auth/logout'));

export const forgotPassword = (input: ForgotPasswordInput) => data(publicApi.POST('/api/auth/password/forgot', { body: input }));

export const resetPassword = (input: ResetPasswordInput) => data(publicApi.POST('/api/auth/password/reset', { body: input }));
