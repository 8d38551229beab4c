// The load the faults land on: writers moving cards through the REST API (each move acknowledged or
// not), and socket.io subscribers that reconnect and catch up the way the web client does.
import { io } from 'socket.io-client';
import { sleep } from './processes.mjs';

const REQUEST_TIMEOUT_MS = 15_000;
const PAGE = 500;

/** One HTTP request to 127.0.0.1; never throws: `{status, body}`, or `{error}` naming what went wrong. */
export async function request(url, path, { token, method = 'GET', body, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  } catch (error) {
    return { error: error.name === 'TimeoutError' ? 'timeout' : (error.cause?.code ?? error.cause?.message ?? error.message) };
  }
}

/** Like `request`, for the set-up and the final reads: anything but 2xx throws. */
export async function api(url, path, options) {
  const result = await request(url, path, options);
  if (result.error || result.status >= 300) throw new Error(`${options?.method ?? 'GET'} ${path} → ${result.error ?? `${result.status} ${JSON.stringify(result.body)}`}`);
  return result.body;
}

/** What a request's outcome counts as in the summary: "409 VERSION_CONFLICT", "503 UNAVAILABLE", "network ECONNREFUSED". */
export function kindOf(result) {
  return result.error ? `network ${result.error}` : `${result.status} ${result.body?.code ?? ''}`.trim();
}

/**
 * Writers move shared cards between two columns, alternating between the server processes, each move
 * with the card's version as last known; a 409 is retried with the version it reports. `acks` gets every
 * 2xx answer (card id and the version it wrote), `refused` a count per kind of everything else.
 */
export function startWriters({ count, servers, token, cards, columns, pauseMs, maxMovesEach }) {
  const acks = [];
  const refused = {};
  let stopping = false;
  const note = (kind) => (refused[kind] = (refused[kind] ?? 0) + 1);

  async function moveOnce(card, server) {
    for (let retry = 0; retry < 5; retry += 1) {
      const result = await request(server.url, `/api/cards/${card.id}/move`, {
        method: 'POST',
        token,
        body: { version: card.version, columnId: columns[card.version % 2] },
      });
      if (result.status >= 200 && result.status < 300) {
        acks.push({ cardId: card.id, version: result.body.version, via: server.name.at(-1) });
        card.version = Math.max(card.version, result.body.version);
        return;
      }
      note(kindOf(result));
      const current = result.status === 409 ? result.body?.details?.current?.version : undefined;
      if (typeof current !== 'number') return sleep(100); // down, restarting or failing: next move, a little later
      card.version = current;
    }
  }

  async function writer(index) {
    for (let move = 0; move < maxMovesEach && !stopping; move += 1) {
      // Writers share the cards, so some moves race another writer's and get a 409.
      const card = cards[Math.floor(Math.random() * cards.length)];
      await moveOnce(card, servers[(index + move) % servers.length]);
      await sleep(pauseMs);
    }
  }

  const running = Promise.all(Array.from({ length: count }, (_, index) => writer(index)));
  return {
    acks,
    refused,
    async stop() {
      stopping = true;
      await running;
    },
  };
}

/**
 * A socket.io client on one server process that holds the workspace's events strictly in seq order,
 * as client/src/features/boards/hooks/use-workspace-socket.ts does: a gap or a head beyond what it holds
 * is filled from GET /events, and every (re)connection subscribes again with `afterSeq` = the last seq
 * held. It starts from seq 0, so in the end it must hold the whole log.
 */
export class Subscriber {
  constructor(name, server, fallback, token, workspaceId) {
    Object.assign(this, { name, server, fallback, token, workspaceId });
    this.last = 0;
    this.held = new Set();
    this.counts = { live: 0, missed: 0, paged: 0, duplicates: 0, connects: 0, truncated: 0, subscribeRefused: 0, handshakeRefused: 0 };
    this.closed = false;
    this.catchingUp = false;
  }

  start() {
    this.socket = io(this.server.url, {
      auth: { token: this.token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 250,
      reconnectionDelayMax: 1000,
      timeout: 5000,
    });
    this.socket.on('connect', () => {
      this.counts.connects += 1;
      this.subscribe();
    });
    this.socket.on('connect_error', () => {
      // A refused handshake (the server could not check the token) is not retried by socket.io itself.
      if (!this.socket.active && !this.closed) {
        this.counts.handshakeRefused += 1;
        setTimeout(() => !this.closed && this.socket.connect(), 500);
      }
    });
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect' && !this.closed) setTimeout(() => !this.closed && this.socket.connect(), 500);
    });
    this.socket.on('workspace:event', (event) => event.workspaceId === this.workspaceId && this.apply(event, 'live'));
    this.socket.on('workspace:head', (head) => {
      if (head.workspaceId === this.workspaceId && head.seq > this.last) void this.catchUp();
    });
  }

  subscribe() {
    const socket = this.socket;
    socket.timeout(10_000).emit('workspace:subscribe', { workspaceId: this.workspaceId, afterSeq: this.last }, (error, ack) => {
      if (error || this.closed || !socket.connected) return; // the next connect subscribes again
      if (!ack.ok) {
        // The web client gives up here; the suite tries again, to measure delivery rather than this.
        this.counts.subscribeRefused += 1;
        setTimeout(() => socket.connected && !this.closed && this.subscribe(), 500);
        return;
      }
      for (const event of [...ack.missed].sort((a, b) => a.seq - b.seq)) this.apply(event, 'missed');
      if (ack.truncated) this.counts.truncated += 1;
      if (ack.truncated || ack.seq > this.last) void this.catchUp();
    });
  }

  apply(event, source) {
    if (event.seq <= this.last) {
      if (source === 'live') this.counts.duplicates += 1;
      return;
    }
    if (event.seq > this.last + 1) {
      void this.catchUp();
      return;
    }
    this.held.add(event.seq);
    this.last = event.seq;
    this.counts[source] += 1;
  }

  /** Pages GET /events from the last seq held, on its own server or, if that one is down, the other. */
  async catchUp() {
    if (this.catchingUp || this.closed) return;
    this.catchingUp = true;
    try {
      for (let page = 0; page < 100; page += 1) {
        const path = `/api/workspaces/${this.workspaceId}/events?after=${this.last}&limit=${PAGE}`;
        let result = await request(this.server.url, path, { token: this.token });
        if (result.status !== 200) result = await request(this.fallback.url, path, { token: this.token });
        if (result.status !== 200 || this.closed) return; // the next head tries again
        for (const event of result.body.items) this.apply(event, 'paged');
        if (result.body.items.length < PAGE) return;
      }
    } finally {
      this.catchingUp = false;
    }
  }

  close() {
    this.closed = true;
    this.socket?.disconnect();
  }
}
