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
        // Libraries change far less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 3 },
            // The Markdown renderer is loaded only with a card's description or comments (see features/boards/components/markdown.tsx).
            {
              name: 'markdown',
              test: /node_modules[\\/](react-markdown|remark-|unified|bail|trough|vfile|micromark|mdast-|hast-|unist-|devlop|decode-named-character-reference|character-|comma-separated-tokens|space-separated-tokens|property-information|html-url-attributes|estree-util-|style-to-|inline-style-parser|zwitch|longest-streak|trim-lines|ccount|is-alphabetical|is-alphanumerical|is-decimal|is-hexadecimal|parse-entities|stringify-entities|extend)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
