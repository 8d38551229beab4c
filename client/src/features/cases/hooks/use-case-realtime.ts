import { useQueryClient } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { useWorkspaceEvents } from '../../realtime/workspace-realtime';
import { caseKeys } from '../api/case-keys';
import { putCaseState, putCaseTransition, putConsent, putReferral } from '../case-cache';

/**
 * Keeps the case's cached record, stage history, consents and referrals in step with its event log, for every
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
  });
}
