import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { useErrorMessage } from '../i18n/use-error-message';

/** A failed request, in the user's language, with the request id to quote to support. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const requestId = error instanceof ApiRequestError ? error.requestId : undefined;
  return (
    <Alert role="alert" color="red" variant="light">
      <Text size="sm">{describeError(error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed">
          {t('errors.reference', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
