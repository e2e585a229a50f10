import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./web', import.meta.url));
// The API server to proxy to in development; another port when several servers run side by side.
const api = process.env.CARNET_API ?? 'http://localhost:3000';

// The web app lives in web/; the server serves dist/web in production and Vite proxies /api to it in development.
export default defineConfig({
  root,
  plugins: [react()],
  // core/ sits outside web/: let the dev server read it.
  server: { port: 5173, fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] }, proxy: { '/api': api } },
  // The budget is 500 KB of JavaScript gzipped (DESIGN.md §5); Vite's warning counts minified bytes instead.
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // The libraries change far less often than the screens: their own files stay cached across our releases.
        manualChunks: (id) => {
          if (!id.includes('/node_modules/')) return undefined;
          // The charts (recharts, d3) load with the figures screen only.
          if (
            /\/node_modules\/(recharts|@mantine\/charts|d3-[a-z-]+|victory-vendor|react-smooth|recharts-scale|decimal\.js-light|internmap|lodash|eventemitter3|fast-equals|tiny-invariant)\//.test(
              id,
            )
          )
            return 'charts';
          if (/\/node_modules\/@mantine\//.test(id)) return 'mantine';
          if (/\/node_modules\/@tabler\//.test(id)) return 'icons';
          return 'vendor';
        },
      },
    },
  },
});
