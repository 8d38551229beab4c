import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../api/api-error';
import { subscribeSession } from '../api/session';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will answer the same again; only network failures and 5xx are worth retrying.
        retry: (failureCount, error) => failureCount < MAX_RETRIES && !(error instanceof ApiRequestError && error.statusCode < 500),
      },
    },
  });
  // Nothing a signed-out user was shown may stay in memory for the next person at this machine.
  subscribeSession((session) => {
    if (session.status === 'signed-out') queryClient.clear();
  });
  return queryClient;
}
