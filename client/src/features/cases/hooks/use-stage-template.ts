import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReplaceStageTemplateInput, StageTemplateDto } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { useUserId } from '../../auth/hooks/use-user-id';
import { stageTemplateKeys } from '../api/case-keys';
import { fetchStageTemplate, replaceStageTemplate, type StageTemplateKey } from '../api/stage-templates-api';

const queryKey = (userId: string, key: StageTemplateKey) => stageTemplateKeys.one(userId, key.organizationId, key.stage, key.locale);

export function useStageTemplate(key: StageTemplateKey) {
  const userId = useUserId();
  return useQuery({ queryKey: queryKey(userId, key), queryFn: ({ signal }) => fetchStageTemplate(key, signal), enabled: userId !== '' });
}

/** Saves at the version read; a conflict puts the server's list in the cache, so the form restarts from it. */
export function useReplaceStageTemplate(key: StageTemplateKey) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplaceStageTemplateInput) => replaceStageTemplate(key, input),
    onSuccess: (saved) => queryClient.setQueryData(queryKey(userId, key), saved),
    onError: (error) => {
      const current = error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT' ? (error.details as { current?: StageTemplateDto }).current : undefined;
      if (current) queryClient.setQueryData(queryKey(userId, key), current);
    },
  });
}
