import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { WorkspaceRealtimeProvider } from '../features/realtime/workspace-realtime';
import { useWorkspaceAbility } from '../features/workspaces/hooks/use-workspace-ability';
import { useWorkspace } from '../features/workspaces/hooks/use-workspaces';
import { workspaceTabsFor, type WorkspaceTabId } from '../features/workspaces/workspace-tabs';
import './workspace-tabs';
import { useDocumentTitle } from '../i18n/use-document-title';
import { ErrorAlert } from '../ui/error-alert';
import { PageStatus } from '../ui/page-status';

export function WorkspacePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const workspace = useWorkspace(id);
  const ability = useWorkspaceAbility(workspace.data);
  const [params, setParams] = useSearchParams();
  const baseId = useId();
  const tabRefs = useRef<Partial<Record<WorkspaceTabId, HTMLButtonElement | null>>>({});
  useDocumentTitle(workspace.data?.title ?? t('workspaces.title'));

  if (workspace.isPending) return <PageStatus message={t('app.loading')} />;
  if (workspace.isError) return <ErrorAlert error={workspace.error} />;

  const data = workspace.data;
  const registered = workspaceTabsFor(data.kind);
  const tabs = registered.filter((tab) => tab.visible?.(ability, data) ?? true).map((tab) => tab.id);
  const requested = params.get('tab');
  const current = tabs.find((tab) => tab === requested) ?? tabs[0];
  const Panel = registered.find((tab) => tab.id === current)!.Panel;
  const select = (tab: WorkspaceTabId) => {
    // Only the tab changes: the board chosen on the board tab (`board`) is still there on the way back.
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (tab === tabs[0]) next.delete('tab');
        else next.set('tab', tab);
        return next;
      },
      { replace: true },
    );
    tabRefs.current[tab]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length]
      : event.key === 'ArrowLeft' ? tabs[(index - 1 + tabs.length) % tabs.length]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      select(next);
    }
  };

  return (
    <WorkspaceRealtimeProvider workspaceId={data.id}>
      {registered.map(({ id, Live }) => Live && <Live key={id} />)}
      <div className="stack">
      <div>
        <p className="small">
          <Link to="/workspaces">{t('workspaces.backToList')}</Link>
        </p>
        <h1>{data.title}</h1>
        <p className="muted">
          {t(`workspaces.kinds.${data.kind}`)} · {t('workspaces.myRole')}: {t(`workspaces.roles.${data.myRole}`)}
          {data.status === 'archived' && ` · ${t('workspaces.archived')}`}
        </p>
        {data.description && <p>{data.description}</p>}
      </div>
      <div role="tablist" aria-label={t('workspaces.tabs.label')} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabRefs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab}`}
            aria-selected={tab === current}
            aria-controls={`${baseId}-panel-${tab}`}
            tabIndex={tab === current ? 0 : -1}
            className="tab"
            onClick={() => select(tab)}
          >
            {t(`workspaces.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel-${current}`} aria-labelledby={`${baseId}-tab-${current}`}>
        <Panel workspace={data} />
      </div>
    </div>
    </WorkspaceRealtimeProvider>
  );
}
