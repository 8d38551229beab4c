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
  plugins: [react(), precompress()],
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
          ],
        },
      },
    },
  },
});

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
