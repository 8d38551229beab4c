import type { ComponentType } from 'react';
import type { AppAbility, WorkspaceDto, WorkspaceKind } from '@enlace/shared';
import type { en } from '../../i18n/locales/en';

/** A tab's id names its label in every language (`workspaces.tabs.<id>`), so a new tab needs its translations. */
export type WorkspaceTabId = Exclude<keyof (typeof en)['workspaces']['tabs'], 'label'>;

/**
 * A tab of the workspace page, contributed by a feature. The page shows the tabs registered for the
 * workspace's kind (in registration order) that the member may see, and mounts every one's `Live`
 * component inside the workspace's realtime provider, whichever tab is open, so each feature keeps its
 * cached data live across tabs. Registering is the whole of adding a tab: the page knows no feature.
 */
export interface WorkspaceTab {
  /** In the address (`?tab=`) and the label's i18n key (`workspaces.tabs.<id>`). */
  id: WorkspaceTabId;
  kinds: readonly WorkspaceKind[] | 'all';
  visible?: (ability: AppAbility, workspace: WorkspaceDto) => boolean;
  Panel: ComponentType<{ workspace: WorkspaceDto }>;
  /** Registers the feature's realtime handlers; renders nothing. */
  Live?: ComponentType;
}

const tabs: WorkspaceTab[] = [];

export function registerWorkspaceTab(tab: WorkspaceTab): void {
  if (!tabs.some((existing) => existing.id === tab.id)) tabs.push(tab);
}

export function workspaceTabsFor(kind: WorkspaceKind): WorkspaceTab[] {
  return tabs.filter((tab) => tab.kinds === 'all' || tab.kinds.includes(kind));
}
