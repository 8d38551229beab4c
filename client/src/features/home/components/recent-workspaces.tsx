import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UNREAD_CAP, type WorkspaceActivityDto } from '@enlace/shared';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { formatMoment } from '../../../i18n/format';
import { useRecentWorkspaces } from '../hooks/use-home';

/** The person's active workspaces, the most recently active first, each with what is new since they last opened it. */
export function RecentWorkspaces() {
  const { t } = useTranslation();
  const query = useRecentWorkspaces();
  return (
    <Panel
      title={t('start.workspacesHeading')}
      actions={
        <Anchor component={Link} to="/workspaces" size="sm">
          {t('start.allWorkspaces')}
        </Anchor>
      }
    >
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <>
            {t('start.noWorkspaces')}{' '}
            <Anchor component={Link} to="/workspaces">
              {t('start.createWorkspace')}
            </Anchor>
          </>
        }
      >
        {(page) => (
          <Stack component="ul" gap="sm" className="plain-list">
            {page.items.map((workspace) => (
              <WorkspaceItem key={workspace.id} workspace={workspace} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Panel>
  );
}

function WorkspaceItem({ workspace }: { workspace: WorkspaceActivityDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div>
          <Anchor component={Link} to={`/workspaces/${workspace.id}`} fw={600}>
            {workspace.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t(`workspaces.kinds.${workspace.kind}`)} · {t(`workspaces.roles.${workspace.myRole}`)} · {t('start.lastActivity', { when: formatMoment(workspace.lastActivityAt, language) })}
          </Text>
        </div>
        {workspace.unread > 0 && (
          <Badge variant="filled" style={{ flexShrink: 0 }}>
            {workspace.unread >= UNREAD_CAP ? t('start.unreadCapped') : t('start.unread', { count: workspace.unread })}
          </Badge>
        )}
      </Group>
    </li>
  );
}
