import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkspaceInput, UpdateWorkspaceInput, WorkspaceDto, WorkspaceStatus } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { createWorkspace, fetchWorkspace, fetchWorkspaces, updateWorkspace, workspaceKeys } from '../api/workspaces-api';
import { useUserId } from '../../auth/hooks/use-user-id';

/** The caller's workspaces, or only the active or archived ones. */
export function useWorkspaces(status?: WorkspaceStatus) {
  const userId = useUserId();
  return useInfiniteQuery({
    queryKey: workspaceKeys.list(userId, status),
    queryFn: ({ pageParam, signal }) => fetchWorkspaces(pageParam, status, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: userId !== '',
  });
}

export function useWorkspace(id: string) {
  const userId = useUserId();
  return useQuery({
    queryKey: workspaceKeys.detail(userId, id),
    queryFn: ({ signal }) => fetchWorkspace(id, signal),
    enabled: userId !== '',
  });
}

export function useCreateWorkspace() {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWorkspaceInput) => createWorkspace(input),
    onSuccess: (workspace: WorkspaceDto) => {
      queryClient.setQueryData(workspaceKeys.detail(userId, workspace.id), workspace);
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(userId) });
    },
  });
}

/**
 * Renames, describes, archives or restores a workspace. On a version conflict the cache takes the current
 * workspace the server answered, so the form shows theirs; lists and the start page are read again after.
 */
export function useUpdateWorkspace(workspaceId: string) {
  const userId = useUserId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateWorkspaceInput) => updateWorkspace(workspaceId, input),
    onSuccess: (workspace: WorkspaceDto) => queryClient.setQueryData(workspaceKeys.detail(userId, workspaceId), workspace),
    onError: (error) => {
      const current = error instanceof ApiRequestError && error.code === 'VERSION_CONFLICT' ? (error.details as { current?: WorkspaceDto }).current : undefined;
      if (current) queryClient.setQueryData(workspaceKeys.detail(userId, workspaceId), current);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(userId) }),
        queryClient.invalidateQueries({ queryKey: ['home', userId] }),
      ]),
  });
}
