import { useQueryClient } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { useWorkspaceEvents } from '../../realtime/workspace-realtime';
import { agreementKeys } from '../api/agreements-api';
import { dropParty, putAgreementState, putCommitment, putParty, putProgress, putTransition, putVersion } from '../agreement-cache';

/** Keeps the agreement's cached record, parties, history and commitments in step with its event log. */
export function useAgreementRealtime(): void {
  const queryClient = useQueryClient();
  const userId = useUserId();
  // Indicators and measurements change the progress the server computes: the agreement's commitments are read again.
  const refresh = ({ workspaceId }: { workspaceId: string }) => {
    void queryClient.invalidateQueries({ queryKey: agreementKeys.details(userId, workspaceId) });
    void queryClient.invalidateQueries({ queryKey: agreementKeys.commitments(userId, workspaceId) });
  };
  useWorkspaceEvents({
    'agreement.created': ({ payload }) => putAgreementState(queryClient, userId, payload),
    'agreement.updated': ({ payload }) => putAgreementState(queryClient, userId, payload),
    'agreement.transitioned': ({ payload }) => {
      putAgreementState(queryClient, userId, payload.agreement);
      putTransition(queryClient, userId, payload.transition);
    },
    'agreement.amended': ({ payload }) => {
      putAgreementState(queryClient, userId, payload.agreement);
      putVersion(queryClient, userId, payload.amendment);
    },
    'party.added': ({ payload }) => putParty(queryClient, userId, payload),
    'party.updated': ({ payload }) => putParty(queryClient, userId, payload),
    'party.removed': ({ payload }) => dropParty(queryClient, userId, payload.agreementId, payload.organizationId),
    'commitment.created': ({ payload }) => putCommitment(queryClient, userId, payload.agreementId, payload),
    'commitment.updated': ({ payload }) => putCommitment(queryClient, userId, payload.agreementId, payload),
    'commitment.progressed': ({ payload }) => {
      putCommitment(queryClient, userId, payload.commitment.agreementId, payload.commitment);
      putProgress(queryClient, userId, payload.commitment.agreementId, payload.progress);
    },
    'indicator.created': refresh,
    'indicator.updated': refresh,
    'measurement.recorded': refresh,
    'measurement.reviewed': refresh,
  });
}
