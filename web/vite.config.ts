import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a `make demo` server, so the page and the API share an
// origin as they do when csphub serves the built files (the session cookie is SameSite=Strict).
const api = 'http://127.0.0.1:8080'; // make demo's default port

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The libraries change less often than the pages: their own hashed file stays cached.
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '^/(v1|admin)/': api,
      '^/[^/]+/oauth2/': api,
    },
  },
});
