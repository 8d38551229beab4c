import { Outlet } from 'react-router';
import type { AppAbility } from '@enlace/shared';
import { useHubAbility } from '../features/auth/hooks/use-hub-ability';
import { NotFoundPage } from '../pages/not-found-page';

/**
 * Guards signed-in routes with the shared permission rules: deny by default, and to whoever the rules do
 * not allow the page does not exist (the server refuses its data anyway).
 */
export function RequireAbility({ allows }: { allows: (ability: AppAbility) => boolean }) {
  const ability = useHubAbility();
  return allows(ability) ? <Outlet /> : <NotFoundPage />;
}
