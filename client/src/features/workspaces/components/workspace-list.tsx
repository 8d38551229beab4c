import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkspaceStatus } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { PageStatus } from '../../../ui/page-status';
import { useWorkspaces } from '../hooks/use-workspaces';

/** The caller's workspaces of one status (every one without), under `heading`, saying `empty` when there are none. */
export function WorkspaceList({ status, heading, empty }: { status?: WorkspaceStatus; heading?: string; empty?: string }) {
  const { t } = useTranslation();
  const query = useWorkspaces(status);
  const headingId = useId();

  let body;
  if (query.isPending) body = <PageStatus message={t('app.loading')} />;
  else if (query.isError) body = <ErrorAlert error={query.error} />;
  else {
    const items = query.data.pages.flatMap((page) => page.items);
    body =
      items.length === 0 ? (
        <p>{empty ?? t('workspaces.empty')}</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('workspaces.name')}</th>
                <th scope="col">{t('workspaces.kind')}</th>
                <th scope="col">{t('workspaces.myRole')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((workspace) => (
                <tr key={workspace.id}>
                  <td>
                    <Link to={`/workspaces/${workspace.id}`}>{workspace.title}</Link>
                    {workspace.status === 'archived' && <span className="badge badge-inline">{t('workspaces.archived')}</span>}
                  </td>
                  <td>{t(`workspaces.kinds.${workspace.kind}`)}</td>
                  <td>{t(`workspaces.roles.${workspace.myRole}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {query.hasNextPage && (
            <button type="button" className="button button-outline" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {t('workspaces.loadMore')}
            </button>
          )}
        </>
      );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading ?? t('workspaces.listHeading')}</h2>
      {body}
    </section>
  );
}
