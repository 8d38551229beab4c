import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const API_SERVER = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
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
        // Libraries change far less often than the app: separate chunks stay cached across releases. The
        // others go with the code that imports them, so the board's (drag and drop, virtual lists, socket.io)
        // load only with the workspace page.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|react-textarea-autosize|clsx|tslib|get-nonce|detect-node-es|aria-hidden)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
