import { Anchor, Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkspaceStatus } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { useWorkspaces } from '../hooks/use-workspaces';

/** The caller's workspaces of one status (every one without), under `heading`, saying `empty` when there are none. */
export function WorkspaceList({ status, heading, empty }: { status?: WorkspaceStatus; heading?: string; empty?: string }) {
  const { t } = useTranslation();
  const query = useWorkspaces(status);

  return (
    <Panel title={heading ?? t('workspaces.listHeading')}>
      <QueryState query={query} isEmpty={(data) => data.pages[0]?.items.length === 0} empty={empty ?? t('workspaces.empty')}>
        {(data) => (
          <>
            <DataTable
              rows={data.pages.flatMap((page) => page.items)}
              rowKey={(workspace) => workspace.id}
              columns={[
                {
                  header: t('workspaces.name'),
                  cell: (workspace) => (
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/workspaces/${workspace.id}`} fw={600}>
                        {workspace.title}
                      </Anchor>
                      {workspace.status === 'archived' && (
                        <Badge variant="default">
                          {t('workspaces.archived')}
                        </Badge>
                      )}
                    </Group>
                  ),
                },
                { header: t('workspaces.kind'), cell: (workspace) => t(`workspaces.kinds.${workspace.kind}`) },
                { header: t('workspaces.myRole'), cell: (workspace) => t(`workspaces.roles.${workspace.myRole}`) },
              ]}
            />
            {query.hasNextPage && (
              <Button variant="default" mt="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {t('workspaces.loadMore')}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </Panel>
  );
}
