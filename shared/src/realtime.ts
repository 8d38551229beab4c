import { z } from 'zod';
import type { WorkspaceEvent } from './events.js';
import type { ErrorCode } from './errors.js';

/** The socket.io contract, imported by the gateway and by the client's typed socket. */
export const SubscribeSchema = z.strictObject({
  workspaceId: z.uuid(),
  afterSeq: z.number().int().min(0).optional(),
});
export type SubscribeRequest = z.infer<typeof SubscribeSchema>;

export const UnsubscribeSchema = z.strictObject({ workspaceId: z.uuid() });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeSchema>;

export type SubscribeAck =
  | { ok: true; seq: number; missed: WorkspaceEvent[]; /** more were missed than fit: page the rest over REST */ truncated?: boolean }
  | { ok: false; code: ErrorCode; message: string };

export interface PresenceUser {
  id: string;
  displayName: string;
}

export interface ServerToClientEvents {
  'workspace:event': (event: WorkspaceEvent) => void;
  /** The workspace's latest seq, sent every few seconds so a client notices a broadcast it missed. */
  'workspace:head': (head: { workspaceId: string; seq: number }) => void;
  /** This user's membership ended; no further events of that workspace will come. */
  'workspace:removed': (notice: { workspaceId: string }) => void;
  presence: (presence: { workspaceId: string; users: PresenceUser[] }) => void;
}

export interface ClientToServerEvents {
  'workspace:subscribe': (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  'workspace:unsubscribe': (request: UnsubscribeRequest, ack?: (result: { ok: boolean }) => void) => void;
}

/** Largest message a client may send; subscribe requests are tiny. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;
export const HEAD_INTERVAL_MS = 5000;
