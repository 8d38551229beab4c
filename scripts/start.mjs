// `npm start`: build whatever is missing or older than its sources, then run the server.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};
const stale = (output, ...sources) => !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newest));

const builds = [
  ['shared', 'shared/dist/index.js', ['shared/src']],
  ['server', 'server/dist/server/src/main.js', ['server/src', 'migrations', 'shared/src']],
  ['client', 'client/dist/index.html', ['client/src', 'shared/src']],
];
for (const [workspace, output, sources] of builds) {
  if (stale(output, ...sources)) {
    console.log(`Building ${workspace}…`);
    execSync(`npm run build -w ${workspace}`, { stdio: 'inherit' });
  }
}

const server = spawn(process.execPath, ['server/dist/server/src/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
