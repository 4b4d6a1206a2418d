/// <reference types="vitest/config" />
// The build goes into the desktop module, whose Go side embeds it (Go's
// embed cannot reach outside its module). In a browser, `vite` and
// `vite preview` forward /query to the server THROUGHLINE_SERVER names, as
// the desktop's Go side does in the app, so the frontend always asks the
// same relative URLs (and the handover packs as Markdown).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.THROUGHLINE_SERVER ?? 'http://127.0.0.1:8080';
const proxy = {
  '/query': { target: server, changeOrigin: true },
  '/handover-packs': { target: server, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  build: { outDir: '../desktop/dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy, strictPort: true },
  preview: { proxy, strictPort: true },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // A flow typed key by key takes a few seconds on a loaded machine;
    // the default five would fail tests that are only slow.
    testTimeout: 30_000,
  },
});
