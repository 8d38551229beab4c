import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../../api/api-error';
import { useErrorMessage } from '../../../i18n/use-error-message';

/** Sign-in failures read better in the words of the form than as generic API errors. */
export function useLoginErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiRequestError && error.code === 'UNAUTHENTICATED') return t('auth.signIn.invalidCredentials');
      if (error instanceof ApiRequestError && error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
        return t('auth.signIn.rateLimited', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
      }
      return describe(error);
    },
    [t, describe],
  );
}
