import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, DeliveredEvent, ServerToClientEvents, SubscribeAck } from '@enlace/shared';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client that records every workspace event it receives, in arrival order. */
export interface RecordingClient {
  socket: ClientSocket;
  events: DeliveredEvent[];
  heads: Array<{ workspaceId: string; seq: number }>;
  removedFrom: string[];
  subscribe(workspaceId: string, afterSeq?: number): Promise<SubscribeAck>;
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function connectClient(url: string, token: string): Promise<RecordingClient> {
  const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return recording(socket);
}

export function recording(socket: ClientSocket): RecordingClient {
  const client: RecordingClient = {
    socket,
    events: [],
    heads: [],
    removedFrom: [],
    subscribe: (workspaceId, afterSeq) =>
      socket.timeout(5000).emitWithAck('workspace:subscribe', afterSeq === undefined ? { workspaceId } : { workspaceId, afterSeq }),
    waitFor: (predicate, what, timeoutMs = 5000) => waitFor(predicate, what, timeoutMs),
    close: () => void socket.disconnect(),
  };
  socket.on('workspace:event', (event) => client.events.push(event));
  socket.on('workspace:head', (head) => client.heads.push(head));
  socket.on('workspace:removed', ({ workspaceId }) => client.removedFrom.push(workspaceId));
  return client;
}

export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets in-flight broadcasts land, so a test can assert that something did NOT arrive. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
