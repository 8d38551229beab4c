import { Badge, Button } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { useUserId } from '../../auth/hooks/use-user-id';
import { endSession, fetchSessions, sessionsQueryKey } from '../api/security-api';

/** Where the account is signed in: device, address, when; any session but this one can be ended. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const userId = useUserId();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey(userId), queryFn: ({ signal }) => fetchSessions(signal) });
  const end = useMutation({ mutationFn: endSession, onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey(userId) }) });
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const device = (session: SessionDto) => session.device ?? t('account.sessions.unknownDevice');

  return (
    <Panel title={t('account.sessions.heading')}>
      {end.isError && <ErrorAlert error={end.error} />}
      <QueryState query={sessions}>
        {(items) => (
          <DataTable
            rows={items}
            rowKey={(session) => session.id}
            columns={[
              { header: t('account.sessions.device'), cell: device },
              { header: t('account.sessions.address'), cell: (session) => session.address ?? '—' },
              { header: t('account.sessions.created'), cell: (session) => when(session.createdAt) },
              { header: t('account.sessions.lastSeen'), cell: (session) => when(session.lastSeenAt) },
              {
                header: t('people.actions'),
                actions: true,
                cell: (session) =>
                  session.current ? (
                    <Badge variant="light">
                      {t('account.sessions.current')}
                    </Badge>
                  ) : (
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => end.mutate(session.id)}
                      disabled={end.isPending}
                      aria-label={t('account.sessions.endNamed', { device: device(session), when: when(session.lastSeenAt) })}
                    >
                      {t('account.sessions.end')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Panel>
  );
}
