import { useSession } from './use-session';

/** The signed-in user's id, to key cached data by user; empty when signed out. */
export function useUserId(): string {
  const session = useSession();
  return session.status === 'signed-in' ? session.user.id : '';
}
