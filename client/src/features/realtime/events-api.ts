import type { DeliveredEvent, Page } from '@enlace/shared';
import { api, data } from '../../api/http';

/** A page of the workspace's event log after `after`, oldest first, each as the caller may read it. */
export async function fetchEvents(workspaceId: string, after: number): Promise<Page<DeliveredEvent>> {
  const page = await data(api.GET('/api/workspaces/{id}/events', { params: { path: { id: workspaceId }, query: { after, limit: 500 } } }));
  // The document gives every payload one open shape; the event catalogue types each by the event's `type`.
  return page as Page<DeliveredEvent>;
}
