import { subject } from '@casl/ability';
import { registerWorkspaceTab } from '../workspaces/workspace-tabs';
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
registerWorkspaceTab({
  id: 'referrals',
  kinds: ['case'],
  Panel: ReferralsPanel,
  visible: (ability, workspace) => ability.can('read', subject('Referral', { workspaceId: workspace.id })),
});
