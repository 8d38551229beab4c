import { useQuery } from '@tanstack/react-query';
import { useUserId } from '../../auth/hooks/use-user-id';
import { fetchAllOrganizations, organizationKeys } from '../api/organizations-api';

/** All organisations, for pickers; they change rarely, so a read is kept for a few minutes. */
export function useOrganizations(enabled = true) {
  const userId = useUserId();
  return useQuery({
    queryKey: organizationKeys.all(userId),
    queryFn: ({ signal }) => fetchAllOrganizations(signal),
    enabled: enabled && userId !== '',
    staleTime: 5 * 60_000,
  });
}
