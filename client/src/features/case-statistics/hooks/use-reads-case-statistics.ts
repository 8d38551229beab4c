import { readsCaseStatistics } from '@enlace/shared';
import { useMe } from '../../account/hooks/use-me';

/**
 * Whether the signed-in person may see the case statistics: by the kind of their organisation, the shared rule
 * the server applies too. `undefined` while their organisation is still loading; denied if it cannot be loaded.
 */
export function useReadsCaseStatistics(): boolean | undefined {
  const me = useMe();
  if (me.isError) return false;
  return me.data ? readsCaseStatistics(me.data.organization?.kind) : undefined;
}
