import type { OrganizationDto } from '@enlace/shared';
import { api, data } from '../../../api/http';

/** Keyed by user like every cached read, so nothing is served to the next person at this machine. */
export const organizationKeys = {
  all: (userId: string) => ['organizations', userId, 'all'] as const,
};

/** The server's largest page. */
const PAGE_SIZE = 200;

const fetchOrganizationPage = (cursor: string | undefined, signal?: AbortSignal) =>
  data(api.GET('/api/organizations', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));

/**
 * Every organisation of the hub, sorted by name as the server pages them. Organisations are created
 * one by one by platform administrators, so the whole list is small enough for a picker.
 */
export async function fetchAllOrganizations(signal?: AbortSignal): Promise<OrganizationDto[]> {
  const organizations: OrganizationDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchOrganizationPage(cursor, signal);
    organizations.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return organizations;
}
