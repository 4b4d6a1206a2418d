// End-to-end tests: real Chromium against the built frontend, served by
// `vite preview`, which forwards /query to a real Throughline server with
// the demo organisation. Each test file starts its own server on its own
// data directory, so files can run side by side without sharing writes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
