// What an end-to-end file runs against: a real server with the demo
// organisation on a fresh data directory, `vite preview` serving the built
// frontend and forwarding /query to it, and headless Chromium. Everything
// listens on 127.0.0.1 and is stopped by the PID this file started.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const frontend = resolve(import.meta.dirname, '..');

/** The demo tokens the seed writes, by role, plus the admin's. */
export interface Tokens {
  admin: string;
  hr: string;
  manager: string;
  employee: string;
}

/** A running stack: server, preview and browser. */
export interface Stack {
  /** The server's own address, for checking writes through the API. */
  serverUrl: string;
  /** The preview's address, where the frontend is served. */
  appUrl: string;
  tokens: Tokens;
  browser: Browser;
  /** Runs a GraphQL operation against the server with a token. */
  api<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Opens the app in a fresh browser context, signed in with the token. */
  signIn(token: string): Promise<Page>;
  stop(): Promise<void>;
}

/** Starts a stack; call stop() in afterAll. */
export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'throughline-e2e-data-'));
  const procs: ChildProcess[] = [];
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map(exited));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const server = spawn(inject('serverBinary'), ['serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    procs.push(server);
    const serverUrl = await servingAddress(server);
    const port = await freePort();
    const preview = spawn(
      join(frontend, 'node_modules/.bin/vite'),
      ['preview', '--bypass-lock', '--host', '127.0.0.1', '--port', String(port), '--outDir', distDir()],
      { cwd: frontend, env: { ...process.env, THROUGHLINE_SERVER: serverUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    procs.push(preview);
    const appUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(appUrl);
    browser = await launchChromium();
    const tokens = readTokens(dataDir);
    const api = graphqlClient(serverUrl);
    const b = browser;
    return { serverUrl, appUrl, tokens, browser: b, api, signIn: (t) => signIn(b, appUrl, t), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The frontend build to serve: the desktop's embedded one, or the folder
 * THROUGHLINE_E2E_DIST names (so that several builds can be tested side by
 * side without overwriting each other).
 */
export function distDir(): string {
  return process.env.THROUGHLINE_E2E_DIST ?? resolve(frontend, '../desktop/dist');
}

/** Chromium from Debian's package, with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

async function signIn(browser: Browser, appUrl: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${appUrl}/#/team`);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('navigation', { name: 'Views' }).waitFor();
  return page;
}

function graphqlClient(serverUrl: string) {
  return async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${serverUrl}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data as T;
  };
}

function readTokens(dataDir: string): Tokens {
  const admin = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  const byRole: Record<string, string> = {};
  for (const line of readFileSync(join(dataDir, 'demo-tokens'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const fields = line.trim().split(/\s+/);
    byRole[fields[0]] = fields[fields.length - 1];
  }
  return { admin, hr: byRole.HR, manager: byRole.MANAGER, employee: byRole.EMPLOYEE };
}

/** Reads the server's log until it says where it serves. */
function servingAddress(server: ChildProcess): Promise<string> {
  return new Promise((resolveAddr, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /serving addr=(\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolveAddr(m[1]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in 60 s`);
}

function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((res) => p.once('exit', () => res()));
}

/**
 * Where end-to-end tests keep screenshots for people to look at: the folder
 * THROUGHLINE_ARTIFACTS names (CI keeps it), or e2e-artifacts here.
 */
export const artifacts = process.env.THROUGHLINE_ARTIFACTS ?? join(frontend, 'e2e-artifacts');
