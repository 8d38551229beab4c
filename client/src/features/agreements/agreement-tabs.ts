import { registerWorkspaceTab } from '../workspaces/workspace-tabs';
import { AmendmentsPanel } from './components/amendments-panel';
import { CommitmentsPanel } from './components/commitments-panel';
import { OverviewPanel } from './components/overview-panel';
import { useAgreementRealtime } from './hooks/use-agreement-realtime';

function AgreementLive() {
  useAgreementRealtime();
  return null;
}

// An agreement workspace opens on its record; the board (registered by the boards feature) follows.
registerWorkspaceTab({ id: 'overview', kinds: ['agreement'], Panel: OverviewPanel, Live: AgreementLive });
registerWorkspaceTab({ id: 'commitments', kinds: ['agreement'], Panel: CommitmentsPanel });
registerWorkspaceTab({ id: 'amendments', kinds: ['agreement'], Panel: AmendmentsPanel });
