import { z } from 'zod';
import type { DeliveredEvent } from './events.js';
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
  | {
      ok: true;
      seq: number;
      /** The events after `afterSeq`, at most MAX_MISSED, each as this member may read it. */
      missed: DeliveredEvent[];
      /** More were missed than fit: page the rest from `GET /api/workspaces/:id/events`, or reload. */
      truncated?: boolean;
    }
  | { ok: false; code: ErrorCode; message: string };

export interface PresenceUser {
  id: string;
  displayName: string;
}

export interface ServerToClientEvents {
  /** The full event, or its envelope (`redacted: true`) for a member who may not read its payload. */
  'workspace:event': (event: DeliveredEvent) => void;
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
/**
 * Most events a subscribe acknowledgement carries: enough for a reconnect after a short outage, small
 * enough that a flood of `afterSeq: 0` subscriptions cannot make the server build megabytes of replies.
 */
export const MAX_MISSED = 200;
/**
 * Socket messages (subscribe and unsubscribe) one socket may send: a token bucket refilled continuously;
 * past it the acknowledgement is `{ok: false, code: 'RATE_LIMITED'}`. A normal client sends one per
 * workspace it opens. The server also limits each user across their sockets (SOCKET_USER_BURST).
 */
export const SOCKET_RATE = { burst: 20, perSecond: 2 } as const;
