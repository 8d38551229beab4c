import { useQueryClient } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { useWorkspaceEvents } from '../../realtime/workspace-realtime';
import { caseKeys } from '../api/case-keys';
import { putAssistance, putCaseState, putCaseTransition, putConsent, putJustice, putReferral } from '../case-cache';

/**
 * Keeps the case's cached record, stage history, consents, referrals and tracks in step with its event log, for every
 * viewer. Sensitive events carry no values: a change only marks the values someone has open as stale, and a read
 * adds a line to the owners' "who viewed" list.
 */
export function useCaseRealtime(): void {
  const queryClient = useQueryClient();
  const userId = useUserId();
  useWorkspaceEvents({
    'case.created': ({ payload }) => putCaseState(queryClient, userId, payload),
    'case.updated': ({ payload }) => putCaseState(queryClient, userId, payload),
    'case.transitioned': ({ payload }) => {
      putCaseState(queryClient, userId, payload.case);
      putCaseTransition(queryClient, userId, payload.transition);
    },
    'case.sensitive_changed': ({ payload }) =>
      queryClient.setQueryData<number>(caseKeys.sensitiveVersion(userId, payload.caseId), (known) => Math.max(known ?? 0, payload.version)),
    'case.sensitive_viewed': ({ payload }) => void queryClient.invalidateQueries({ queryKey: caseKeys.sensitiveViews(userId, payload.caseId) }),
    'case.sensitive_erased': ({ payload }) => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(userId, payload.caseId) }),
    'consent.recorded': ({ payload }) => putConsent(queryClient, userId, payload),
    'consent.revoked': ({ payload }) => putConsent(queryClient, userId, payload),
    'referral.sent': ({ payload }) => putReferral(queryClient, userId, payload),
    'referral.accepted': ({ payload }) => putReferral(queryClient, userId, payload),
    'referral.declined': ({ payload }) => putReferral(queryClient, userId, payload),
    'referral.completed': ({ payload }) => putReferral(queryClient, userId, payload),
    'referral.withdrawn': ({ payload }) => putReferral(queryClient, userId, payload),
    // Whoever may not read the assistance track gets these as envelopes, which never reach a handler.
    'assistance.requested': ({ payload }) => putAssistance(queryClient, userId, payload),
    'assistance.updated': ({ payload }) => putAssistance(queryClient, userId, payload),
    'assistance.given': ({ payload }) => putAssistance(queryClient, userId, payload),
    'assistance.ended': ({ payload }) => putAssistance(queryClient, userId, payload),
    'justice.recorded': ({ payload }) => putJustice(queryClient, userId, payload),
    'justice.updated': ({ payload }) => putJustice(queryClient, userId, payload),
  });
}
