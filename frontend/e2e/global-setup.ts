// Builds the server binary once for every end-to-end file, unless
// THROUGHLINE_BIN names one already built, and checks the frontend build
// that `vite preview` serves is there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject) {
  const dist = process.env.THROUGHLINE_E2E_DIST ?? join(root, 'desktop/dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} has no frontend build: run \`npm run build\` in frontend/ first`);
  }
  let bin = process.env.THROUGHLINE_BIN;
  let dir: string | undefined;
  if (!bin) {
    dir = mkdtempSync(join(tmpdir(), 'throughline-e2e-bin-'));
    bin = join(dir, 'throughline');
    execFileSync('go', ['build', '-o', bin, './server'], { cwd: root, stdio: 'inherit' });
  }
  project.provide('serverBinary', bin);
  return () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverBinary: string;
  }
}
