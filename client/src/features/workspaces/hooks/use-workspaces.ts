import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkspaceInput, WorkspaceDto } from '@enlace/shared';
import { createWorkspace, fetchWorkspace, fetchWorkspaces, workspaceKeys } from '../api/workspaces-api';
import { useUserId } from '../../auth/hooks/use-user-id';

export function useWorkspaces() {
  const userId = useUserId();
  return useInfiniteQuery({
    queryKey: workspaceKeys.list(userId),
    queryFn: ({ pageParam, signal }) => fetchWorkspaces(pageParam, signal),
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
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list(userId) });
    },
  });
}
