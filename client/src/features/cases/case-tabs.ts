import { subject } from '@casl/ability';
import { registerWorkspaceTab } from '../workspaces/workspace-tabs';
import { AssistancePanel } from './components/assistance-panel';
import { JusticePanel } from './components/justice-panel';
import { RecordPanel } from './components/record-panel';
import { ReferralsPanel } from './components/referrals-panel';
import { useCaseRealtime } from './hooks/use-case-realtime';

function CaseLive() {
  useCaseRealtime();
  return null;
}

/**
 * The case workspace's tab set, in the order it appears: the record first, then the tracks and referrals; the
 * board (registered by the boards feature) follows. A track's tab (assistance, justice) registers here, between
 * the record and the referrals, with `visible` saying who may see it.
 */
registerWorkspaceTab({ id: 'record', kinds: ['case'], Panel: RecordPanel, Live: CaseLive });
// Hidden from members of law-enforcement organisations without an owner's grant, as the server refuses it them.
registerWorkspaceTab({
  id: 'assistance',
  kinds: ['case'],
  Panel: AssistancePanel,
  visible: (ability, workspace) => ability.can('read', subject('CaseAssistance', { workspaceId: workspace.id })),
});
registerWorkspaceTab({
  id: 'justice',
  kinds: ['case'],
  Panel: JusticePanel,
  visible: (ability, workspace) => ability.can('read', subject('CaseJustice', { workspaceId: workspace.id })),
});
registerWorkspaceTab({
  id: 'referrals',
  kinds: ['case'],
  Panel: ReferralsPanel,
  visible: (ability, workspace) => ability.can('read', subject('Referral', { workspaceId: workspace.id })),
});
