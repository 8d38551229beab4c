import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateIndicatorInput, IndicatorStateDto, RecordMeasurementInput, ReviewMeasurementInput, UpdateIndicatorInput } from '@enlace/shared';
import { useUserId } from '../../auth/hooks/use-user-id';
import { putIndicatorState } from '../agreement-cache';
import { agreementKeys } from '../api/agreements-api';
import { conflictCurrent } from './use-agreement';
import { createIndicator, recordMeasurement, reviewMeasurement, updateIndicator, uploadEvidence } from '../api/indicators-api';

/**
 * After a change to an indicator or a measurement, the agreement's commitments in detail (indicators with their
 * progress) and its list (each commitment's progress) are read again: progress is the server's arithmetic.
 */
function useRefreshCommitments(agreementId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: agreementKeys.details(userId, agreementId) });
    void queryClient.invalidateQueries({ queryKey: agreementKeys.commitments(userId, agreementId) });
  };
}

export function useCreateIndicator(agreementId: string, commitmentId: string) {
  const refresh = useRefreshCommitments(agreementId);
  return useMutation({ mutationFn: (input: CreateIndicatorInput) => createIndicator(commitmentId, input), onSuccess: refresh });
}

/** A redefined indicator; on a version conflict the cache takes the server's definition, so the form starts from it. */
export function useUpdateIndicator(agreementId: string, indicatorId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  const refresh = useRefreshCommitments(agreementId);
  return useMutation({
    mutationFn: (input: UpdateIndicatorInput) => updateIndicator(indicatorId, input),
    onSuccess: refresh,
    onError: (error) => {
      const current = conflictCurrent<IndicatorStateDto>(error);
      if (current) putIndicatorState(queryClient, userId, agreementId, current);
    },
  });
}

/** Uploads the evidence files one by one, then records the measurement naming them (with `supersedesId`, a correction). */
export function useRecordMeasurement(agreementId: string, commitmentId: string, indicatorId: string) {
  const refresh = useRefreshCommitments(agreementId);
  return useMutation({
    mutationFn: async ({ files, ...input }: Omit<RecordMeasurementInput, 'evidenceIds'> & { files: File[] }) => {
      const evidenceIds: string[] = [];
      for (const file of files) evidenceIds.push((await uploadEvidence(commitmentId, file)).id);
      return recordMeasurement(indicatorId, { ...input, ...(evidenceIds.length > 0 && { evidenceIds }) });
    },
    onSuccess: refresh,
  });
}

export function useReviewMeasurement(agreementId: string, measurementId: string) {
  const refresh = useRefreshCommitments(agreementId);
  return useMutation({ mutationFn: (input: ReviewMeasurementInput) => reviewMeasurement(measurementId, input), onSuccess: refresh });
}
