// `npm run dev`: the API on :3000 (rebuilt and restarted when server or shared code changes) and the
// client with hot reload on :5173, which proxies /api and /socket.io to the API.
import { execSync, spawn } from 'node:child_process';
import { watch } from 'node:fs';

const build = () => execSync('npm run build -w shared && npm run build -w server', { stdio: 'inherit' });
let server;
const restart = () => {
  server?.kill('SIGTERM');
  server = spawn(process.execPath, ['server/dist/server/src/main.js'], { stdio: 'inherit' });
};

build();
restart();
let pending;
for (const dir of ['server/src', 'shared/src', 'migrations']) {
  watch(dir, { recursive: true }, () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      try {
        build();
        restart();
      } catch {
        console.error('Build failed; keeping the previous server running.');
      }
    }, 300);
  });
}
const client = spawn('npm', ['run', 'dev', '-w', 'client'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server?.kill(signal);
    client.kill(signal);
    process.exit(0);
  });
}
