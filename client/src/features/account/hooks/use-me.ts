import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../auth/hooks/use-session';
import { fetchMe, meQueryKey } from '../api/me-api';

/** The signed-in user with their organisation and memberships (`GET /api/me`). */
export function useMe() {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : '';
  return useQuery({
    queryKey: meQueryKey(userId),
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: session.status === 'signed-in',
  });
}
