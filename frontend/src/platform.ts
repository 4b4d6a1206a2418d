// The one place that knows whether the frontend runs inside the desktop app
// or in a plain browser. In the app, the Go side keeps the server address
// and token (the token never reaches JavaScript) and forwards /query; in a
// browser (development and end-to-end tests), the dev server forwards
// /query and the token lives in this tab's session storage.

/** Where the frontend is connected, as far as it knows. */
export interface Connection {
  /** The server's address, such as http://127.0.0.1:8080. */
  server: string;
  /** Whether a token is stored for it. */
  hasToken: boolean;
}

/** The desktop Go side's bound App, as Wails exposes it on window.go. */
interface DesktopApp {
  Connection(): Promise<Connection>;
  SetConnection(server: string, token: string): Promise<void>;
  ClearToken(): Promise<void>;
  SaveFile(suggestedName: string, base64Content: string): Promise<string>;
  SetTitle(title: string): Promise<void>;
  Version(): Promise<string>;
  Rendered(view: string, text: string): Promise<void>;
}

declare global {
  interface Window {
    go?: { main?: { App?: DesktopApp } };
  }
}

function desktop(): DesktopApp | undefined {
  return typeof window !== 'undefined' ? window.go?.main?.App : undefined;
}

/** Whether the frontend runs inside the desktop app. */
export function inDesktop(): boolean {
  return desktop() !== undefined;
}

const tokenKey = 'throughline.token';

/** The stored connection, or null when none is stored. */
export async function loadConnection(): Promise<Connection | null> {
  const app = desktop();
  if (app) {
    const c = await app.Connection();
    return c.server ? c : null;
  }
  const token = sessionStorage.getItem(tokenKey);
  return token ? { server: window.location.origin, hasToken: true } : null;
}

/** Stores the server address and token; /query goes there from now on. */
export async function saveConnection(server: string, token: string): Promise<void> {
  const app = desktop();
  if (app) {
    await app.SetConnection(server, token);
    return;
  }
  sessionStorage.setItem(tokenKey, token);
}

/** Forgets the token (signs out); the server address stays. */
export async function clearToken(): Promise<void> {
  const app = desktop();
  if (app) {
    await app.ClearToken();
    return;
  }
  sessionStorage.removeItem(tokenKey);
}

/**
 * The Authorization header a browser must send itself; in the app the Go
 * side adds it, so this is empty there.
 */
export function authorization(): Record<string, string> {
  if (desktop()) return {};
  const token = sessionStorage.getItem(tokenKey);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * Saves bytes to a file the user picks. In the app that is the system's
 * save dialog, and the answer is the path chosen ('' when cancelled); in a
 * browser it is a download, and the answer is the file name.
 */
export async function saveFile(name: string, content: Uint8Array, type: string): Promise<string> {
  const app = desktop();
  if (app) return app.SaveFile(name, toBase64(content));
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/** Shows the view's name in the window's title bar (or the tab). */
export function setTitle(title: string): void {
  document.title = title;
  desktop()?.SetTitle(title).catch(() => {});
}

/** The desktop app's own version, or 'browser' outside the app. */
export async function appVersion(): Promise<string> {
  const app = desktop();
  return app ? app.Version() : 'browser';
}

/**
 * Tells the Go side what a view shows once its data has rendered. The app
 * writes it to a file only when started with THROUGHLINE_DESKTOP_TRACE (its
 * window test reads it); otherwise the call does nothing.
 */
export function reportRendered(view: string): void {
  const app = desktop();
  if (!app) return;
  const main = document.querySelector('main');
  app.Rendered(view, main?.innerText ?? '').catch(() => {});
}
