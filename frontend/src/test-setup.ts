// Component tests: each test cleans up its render and storage. Waits for
// elements get five seconds, not one, so that a loaded machine (the Go
// tests run beside these in CI) slows the tests without failing them.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
