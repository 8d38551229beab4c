import { useMutation } from '@tanstack/react-query';
import { startSession } from '../../../api/session';
import { login } from '../api/auth-api';

export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: startSession });
}
