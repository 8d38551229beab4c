import type { DeliveredEvent, Page } from '@enlace/shared';
import { http } from '../../api/http';

const enc = encodeURIComponent;

/** A page of the workspace's event log after `after`, oldest first, each as the caller may read it. */
export const fetchEvents = (workspaceId: string, after: number) => {
  const params = new URLSearchParams({ after: String(after), limit: '500' });
  return http.get<Page<DeliveredEvent>>(`/workspaces/${enc(workspaceId)}/events?${params.toString()}`);
};
