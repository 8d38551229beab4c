import { useMutation } from '@tanstack/react-query';
import { startSession } from '../../../api/session';
import { login, loginWithCode } from '../api/auth-api';

/** The password step: a session, or (the account has a second factor) a challenge for `useLoginWithCode`. */
export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if (!('mfaRequired' in result)) startSession(result);
    },
  });
}

export function useLoginWithCode() {
  return useMutation({ mutationFn: loginWithCode, onSuccess: startSession });
}
