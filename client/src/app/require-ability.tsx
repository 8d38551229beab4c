import { Outlet } from 'react-router';
import type { AppAbility, UserDto } from '@enlace/shared';
import { useHubAbility } from '../features/auth/hooks/use-hub-ability';
import { useSession } from '../features/auth/hooks/use-session';
import { NotFoundPage } from '../pages/not-found-page';

/**
 * Guards signed-in routes with the shared permission rules: deny by default, and to whoever the rules do
 * not allow the page does not exist (the server refuses its data anyway).
 */
export function RequireAbility({ allows }: { allows: (ability: AppAbility, user: UserDto | null) => boolean }) {
  const ability = useHubAbility();
  const session = useSession();
  return allows(ability, session.status === 'signed-in' ? session.user : null) ? <Outlet /> : <NotFoundPage />;
}
