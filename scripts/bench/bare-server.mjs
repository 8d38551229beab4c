// The baseline: a bare socket.io server that broadcasts the same payloads to one room, nothing else.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const http = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    io.to('room').emit('workspace:event', JSON.parse(body));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
const io = new Server(http);
io.on('connection', (socket) =>
  socket.on('workspace:subscribe', (_request, ack) => {
    void socket.join('room');
    ack({ ok: true, seq: 0, missed: [] });
  }),
);
http.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => process.exit(0));
