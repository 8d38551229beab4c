import { Anchor, Badge, Box, Group, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { WorkspaceRealtimeProvider } from '../features/realtime/workspace-realtime';
import { useWorkspaceAbility } from '../features/workspaces/hooks/use-workspace-ability';
import { useWorkspace } from '../features/workspaces/hooks/use-workspaces';
import { workspaceTabsFor, type WorkspaceTabId } from '../features/workspaces/workspace-tabs';
import './workspace-tabs';
import { useDocumentTitle } from '../i18n/use-document-title';
import { QueryState } from '../ui/query-state';

/**
 * A workspace: one compact line of title and facts, the tabs, and the open tab filling the rest of the
 * screen (the board needs every pixel); the tab panel scrolls, not the page.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const workspace = useWorkspace(id);
  const ability = useWorkspaceAbility(workspace.data);
  const [params, setParams] = useSearchParams();
  useDocumentTitle(workspace.data?.title ?? t('workspaces.title'));

  return (
    <QueryState query={workspace}>
      {(data) => {
        const registered = workspaceTabsFor(data.kind);
        const tabs = registered.filter((tab) => tab.visible?.(ability, data) ?? true).map((tab) => tab.id);
        const requested = params.get('tab');
        const current = tabs.find((tab) => tab === requested) ?? tabs[0];
        const Panel = registered.find((tab) => tab.id === current)!.Panel;
        const select = (tab: string | null) => {
          if (!tabs.includes(tab as WorkspaceTabId)) return;
          // Only the tab changes: the board chosen on the board tab (`board`) is still there on the way back.
          setParams(
            (currentParams) => {
              const next = new URLSearchParams(currentParams);
              if (tab === tabs[0]) next.delete('tab');
              else next.set('tab', tab as string);
              return next;
            },
            { replace: true },
          );
        };
        return (
          <WorkspaceRealtimeProvider workspaceId={data.id}>
            {registered.map(({ id: tabId, Live }) => Live && <Live key={tabId} />)}
            <div className="workspace-page">
              <Box px={{ base: 'sm', sm: 'md' }} pt="xs">
                <Group gap="xs" wrap="wrap" align="baseline">
                  <Anchor component={Link} to="/workspaces" size="sm">
                    {t('workspaces.backToList')}
                  </Anchor>
                  <Text size="sm" c="dimmed" aria-hidden>
                    /
                  </Text>
                  <Title order={1} size="h4" lineClamp={1} maw="100%">
                    {data.title}
                  </Title>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light">
                      {t(`workspaces.kinds.${data.kind}`)}
                    </Badge>
                    <Badge variant="default">
                      {t('workspaces.myRole')}: {t(`workspaces.roles.${data.myRole}`)}
                    </Badge>
                    {data.status === 'archived' && (
                      <Badge variant="filled" color="gray.7">
                        {t('workspaces.archived')}
                      </Badge>
                    )}
                  </Group>
                </Group>
                {data.description && (
                  <Text size="sm" c="dimmed" lineClamp={1} title={data.description}>
                    {data.description}
                  </Text>
                )}
              </Box>
              <Tabs value={current} onChange={select} keepMounted={false} className="workspace-tabs">
                <Tabs.List px={{ base: 'xs', sm: 'md' }} aria-label={t('workspaces.tabs.label')}>
                  {tabs.map((tab) => (
                    <Tabs.Tab key={tab} value={tab}>
                      {t(`workspaces.tabs.${tab}`)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                <Tabs.Panel value={current} className="workspace-tab-panel">
                  <Panel workspace={data} />
                </Tabs.Panel>
              </Tabs>
            </div>
          </WorkspaceRealtimeProvider>
        );
      }}
    </QueryState>
  );
}
