// Builds the web app into dist/web, which the server serves from the same origin as the API.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything the page needs ships in the bundle: no CDN, no web fonts from elsewhere.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev:web` proxies the API to a `kith serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:4321' },
  },
});
