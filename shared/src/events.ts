/** One entry of a workspace's event log, as stored, served for catch-up and broadcast live. */
export interface WorkspaceEvent<P = unknown> {
  workspaceId: string;
  seq: number;
  type: string;
  entityType: string;
  entityId: string;
  payload: P;
  actorId: string | null;
  at: string;
}

export interface AuditVerificationDto {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
}
