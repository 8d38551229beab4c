import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';
import { PageStatus } from '../../../ui/page-status';
import { useUserId } from '../../auth/hooks/use-user-id';
import { endSession, fetchSessions, sessionsQueryKey } from '../api/security-api';

/** Where the account is signed in: device, address, when; any session but this one can be ended. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const userId = useUserId();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey(userId), queryFn: ({ signal }) => fetchSessions(signal) });
  const end = useMutation({ mutationFn: endSession, onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey(userId) }) });
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  let body;
  if (sessions.isPending) body = <PageStatus message={t('app.loading')} />;
  else if (sessions.isError) body = <ErrorAlert error={sessions.error} />;
  else {
    body = (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('account.sessions.device')}</th>
            <th scope="col">{t('account.sessions.address')}</th>
            <th scope="col">{t('account.sessions.created')}</th>
            <th scope="col">{t('account.sessions.lastSeen')}</th>
            <th scope="col">{t('people.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.map((session) => (
            <tr key={session.id}>
              <td>{session.device ?? t('account.sessions.unknownDevice')}</td>
              <td>{session.address ?? '—'}</td>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.lastSeenAt)}</td>
              <td>
                {session.current ? (
                  <span className="badge">{t('account.sessions.current')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button-outline button-small"
                    onClick={() => end.mutate(session.id)}
                    disabled={end.isPending}
                    aria-label={t('account.sessions.endNamed', { device: session.device ?? t('account.sessions.unknownDevice'), when: when(session.lastSeenAt) })}
                  >
                    {t('account.sessions.end')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.sessions.heading')}</h2>
      {end.isError && <ErrorAlert error={end.error} />}
      {body}
    </section>
  );
}
