// npm run bench:sockets — server memory with N idle, subscribed sockets on one process (default 10,000).
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { adminToken, api, freshDatabase, mb, processUsage, startServer } from './support.mjs';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 10_000);
const database = await freshDatabase();
const server = await startServer({ port: 4400, databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') });
const sockets = [];
try {
  const token = await adminToken(server.url);
  const workspace = await api(server.url, '/api/workspaces', { method: 'POST', token, body: { kind: 'coordination', title: 'Idle sockets' } });
  const baseline = processUsage(server.pid).rss;
  for (let i = 0; i < SOCKETS; i += 200) {
    const batch = Array.from({ length: Math.min(200, SOCKETS - i) }, () => {
      const socket = io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect_error', reject);
        socket.once('connect', () => socket.timeout(60_000).emitWithAck('workspace:subscribe', { workspaceId: workspace.id }).then(resolve, reject));
      });
    });
    await Promise.all(batch);
  }
  await new Promise((r) => setTimeout(r, 5000)); // let presence updates and GC settle
  const loaded = processUsage(server.pid).rss;
  console.log(`bench:sockets — ${SOCKETS} idle sockets subscribed to one workspace on one server process`);
  console.log(`server RSS: ${mb(baseline)} before, ${mb(loaded)} with the sockets (${((loaded - baseline) / SOCKETS / 1024).toFixed(1)} KB per socket)`);
} finally {
  for (const socket of sockets) socket.disconnect();
  await server.stop();
  await database.drop();
}
process.exit(0);
