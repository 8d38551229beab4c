import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

/** An announced "loading" line with a spinner; the spinner is decoration, the words are what is announced. */
export function LoadingStatus({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="xs" className="page-status">
      <Loader size="xs" aria-hidden />
      <Text size="sm" c="dimmed">
        {message ?? t('app.loading')}
      </Text>
    </Group>
  );
}

/** What an empty list says instead of showing nothing. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="sm">
      {children}
    </Text>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  loadingMessage?: string;
  /** With `empty`: shown instead of `children` when the loaded data has nothing to show. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The one way a query is shown: loading, failed (with retry), empty, or its data. */
export function QueryState<T>({ query, loadingMessage, isEmpty, empty, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingStatus message={loadingMessage} />;
  if (query.isError) {
    return (
      <Stack gap="xs" align="flex-start">
        <ErrorAlert error={query.error} />
        <Button variant="default" size="xs" onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('ui.retry')}
        </Button>
      </Stack>
    );
  }
  if (empty !== undefined && isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
