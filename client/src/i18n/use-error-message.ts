import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, NetworkError } from '../api/api-error';

/** Turns anything thrown by the API layer into a sentence in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof NetworkError) return t('errors.network');
      if (error instanceof ApiRequestError && error.code) return t(`errors.codes.${error.code}`);
      return t('errors.generic');
    },
    [t],
  );
}
