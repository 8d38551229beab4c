import { useMemo } from 'react';
import { defineAbilityFor, type AppAbility } from '@enlace/shared';
import { useSession } from './use-session';

/** What the signed-in user may do outside any workspace (organisations, accounts), from the shared rules. */
export function useHubAbility(): AppAbility {
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  // Signed out: a user with no role, for whom the rules allow nothing of the kind.
  return useMemo(() => defineAbilityFor(user ?? { id: '', organizationId: null, orgRole: 'member', platformAdmin: false }, []), [user]);
}
