// Every feature's workspace tabs, registered in the order they appear. Adding a domain's tab: register it
// in the feature (see features/boards/board-tab.ts) and import that file here.
import '../features/agreements/agreement-tabs';
import '../features/cases/case-tabs';
import '../features/boards/board-tab';
import '../features/workspaces/workspace-core-tabs';
