import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      // `ws` so that the API's WebSocket (/api/v1/ws) works through the dev server too.
      '/api': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
