import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const API_SERVER = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react(), pureSharedConstants(), precompress()],
  resolve: {
    // The shared package is consumed as source, so types and runtime code stay one thing.
    alias: { '@enlace/shared': here('../shared/src/index.ts') },
  },
  server: {
    proxy: {
      '/api': { target: API_SERVER },
      '/socket.io': { target: API_SERVER, ws: true },
    },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React changes far less often than the app: its own chunk stays cached across releases. Everything
        // else goes with the code that imports it, so what only lazy pages use (the board's drag and drop,
        // virtual lists and socket.io, the agreements' charts, Mantine's components of those pages) loads with them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            // What the first page runs (login, home and the shell) in one file rather than twenty small ones: on
            // a phone's connection each extra request on the six HTTP/1.1 connections costs a round trip. Zod
            // counts as statically imported (through the shared package) but only lazy pages use it.
            { name: 'app', tags: ['$initial'], test: (id) => !/node_modules[\\/]zod[\\/]/.test(id), includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
    },
  },
});

/**
 * Lets the bundler drop the shared package's constants that the client does not use. Its zod schemas are
 * built by chains of calls (`z.strictObject({ … }).refine(…)`, `named(…)`, which also registers the schema for
 * the server's API document, never read by the client), and a call might have side effects, so every schema
 * stayed, and with them all of zod: 40 kB gzip on the first page for the few constants (languages, roles,
 * limits) that login and home use. Each top-level `const x = call(…)` (or an object or array that may hold calls) becomes `const x = /* @__PURE__ *\/
 * (() => call(…))()`: evaluated at the same moment as before when it is kept, dropped whole when it is unused.
 */
function pureSharedConstants(): Plugin {
  // Initialisers that may hold calls (an object of schemas, a chain); literals and functions need no help.
  const BUILT = new Set(['CallExpression', 'ObjectExpression', 'ArrayExpression', 'MemberExpression', 'NewExpression']);
  const shared = here('../shared/src/');
  return {
    name: 'enlace-pure-shared-constants',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(shared)) return null;
      const calls = this.parse(code)
        .body.map((statement) => (statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement))
        .flatMap((statement) => (statement?.type === 'VariableDeclaration' && statement.kind === 'const' ? statement.declarations : []))
        .flatMap((declarator) => (declarator.init && BUILT.has(declarator.init.type) ? [declarator.init] : []));
      let wrapped = code;
      for (const call of calls.toReversed()) {
        wrapped = `${wrapped.slice(0, call.start)}/* @__PURE__ */ (() => (${wrapped.slice(call.start, call.end)}))()${wrapped.slice(call.end)}`;
      }
      return { code: wrapped, map: null };
    },
  };
}

/**
 * Writes each built file beside its brotli (strongest level) and gzip versions, which the server sends as
 * they are (@fastify/static's preCompressed): smaller than compressing per request, and no CPU spent on it.
 */
function precompress(): Plugin {
  return {
    name: 'enlace-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(file.fileName)) continue;
        const content = file.type === 'chunk' ? Buffer.from(file.code) : Buffer.from(file.source);
        if (content.length < 1024) continue; // too small to gain anything
        const path = join(options.dir ?? here('./dist'), file.fileName);
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }));
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
