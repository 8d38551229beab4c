// npm run bench:bundle (also printed by bench:board and lighthouse) — the built client's JavaScript and CSS,
// compressed as the server sends them: what the first page (login or home, in English) loads, and all of it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));

export function reportBundle(dist = DIST, label = 'client bundle') {
  const assets = readdirSync(join(dist, 'assets')).filter((file) => /\.(js|css)$/.test(file));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]));
  // The texts of one language load beside them (English here: the biggest chunk named after it).
  const english = assets.filter((file) => /^en-.*\.js$/.test(file)).sort((a, b) => size(dist, b).raw - size(dist, a).raw)[0];
  if (english) first.add(english);
  const total = (files) => files.reduce((sum, file) => ({ gzip: sum.gzip + size(dist, file).gzip, brotli: sum.brotli + size(dist, file).brotli }), { gzip: 0, brotli: 0 });
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const firstJs = total([...first].filter((file) => file.endsWith('.js')));
  const firstCss = total([...first].filter((file) => file.endsWith('.css')));
  const all = total(assets);
  console.log(
    `${label}: first page ${kb(firstJs.gzip + firstCss.gzip)} gzip (JS ${kb(firstJs.gzip)} in ${[...first].filter((file) => file.endsWith('.js')).length} files, CSS ${kb(firstCss.gzip)}), ` +
      `${kb(firstJs.brotli + firstCss.brotli)} brotli; all ${kb(all.gzip)} gzip, ${kb(all.brotli)} brotli (lazy chunks included)`,
  );
}

const sizes = new Map();
function size(dist, file) {
  const path = join(dist, 'assets', file);
  if (!sizes.has(path)) {
    const content = readFileSync(path);
    sizes.set(path, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length, brotli: brotliCompressSync(content).length });
  }
  return sizes.get(path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const dist of [DIST, ...process.argv.slice(2)]) {
    if (existsSync(join(dist, 'index.html'))) reportBundle(dist, dist === DIST ? 'client bundle' : `client bundle of ${dist}`);
  }
}
