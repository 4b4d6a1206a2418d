// The shell against a fake server (and, where it matters, a fake desktop
// Go side): starting with a stored token whose server does not answer,
// a token refused in the middle of an edit, the skip link, addresses that
// name no view, and a view that breaks while rendering.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { requiredSchemaVersion } from './api/compat';
import { App } from './App';
import myTeam from './views/team/fixtures/my-team.json';
import { meiLinId, plan, planViewAnswer } from './views/plan/fixtures';

const graceId = 'UGVyc29uOjg';

function viewer(roles = ['MANAGER']) {
  return {
    serverInfo: { version: 'dev', schemaVersion: requiredSchemaVersion },
    viewer: { roles, person: { id: graceId, name: 'Grace Mwangi', title: 'Platform lead' } },
  };
}

interface Sent {
  operation: string;
  variables: Record<string, unknown>;
  authorization?: string;
}

/** An answer: data, or a whole HTTP response (a 401, a 502). */
type Answer = (variables: Record<string, any>, nth: number) => unknown;

/** Stubs fetch; an answer may return a Response for anything but a 200 with data. */
function fakeServer(answers: Record<string, Answer>) {
  const sent: Sent[] = [];
  const table = { ...answers };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      const operation = /^\s*(?:query|mutation)\s+(\w+)/m.exec(body.query)?.[1] ?? '';
      const authorization = (init.headers as Record<string, string>).Authorization;
      sent.push({ operation, variables: body.variables, authorization });
      const a = operation in table ? table[operation] : undefined;
      const nth = sent.filter((s) => s.operation === operation).length;
      const out = a ? a(body.variables, nth) : undefined;
      if (out instanceof Response) return out;
      const payload = a ? { data: out } : { errors: [{ message: `the fake server has no answer for ${operation}` }] };
      return Response.json(payload);
    }),
  );
  return { sent, of: (op: string) => sent.filter((s) => s.operation === op), answer: (op: string, a: Answer) => (table[op] = a) };
}

const refusedToken = () => new Response('{"errors":[{"message":"unauthenticated"}]}', { status: 401 });

/** The desktop's Go side, as Wails binds it on window.go. */
function fakeDesktop(connection: { server: string; hasToken: boolean }, setConnection = vi.fn(async () => {})) {
  const app = {
    Connection: vi.fn(async () => connection),
    SetConnection: setConnection,
    ClearToken: vi.fn(async () => {}),
    SaveFile: vi.fn(async () => ''),
    SetTitle: vi.fn(async () => {}),
    Version: vi.fn(async () => '1.2.3'),
    Rendered: vi.fn(async () => {}),
  };
  window.go = { main: { App: app } };
  return app;
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete window.go;
});

describe('a token refused in the middle of an edit', () => {
  test('signing in again over the view keeps what was typed, and it can be sent again', async () => {
    sessionStorage.setItem('throughline.token', 'tl_old');
    window.location.hash = `#/people/${meiLinId}/plan`;
    const server = fakeServer({
      Viewer: () => viewer(),
      PlanView: () => planViewAnswer(),
      SetPlanStatus: (_v, nth) =>
        nth === 1
          ? refusedToken()
          : { setPlanStatus: { plan: { id: plan().id, status: 'BLOCKED', statusReason: 'x', version: 16 }, userErrors: [] } },
    });
    const user = userEvent.setup();
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Change status' }));
    await user.selectOptions(screen.getByLabelText('Status'), 'BLOCKED');
    await user.type(screen.getByLabelText(/^Reason/), 'Waiting on the vendor');
    await user.click(screen.getByRole('button', { name: 'Save the status' }));

    const dialog = await screen.findByRole('dialog', { name: 'Your session ended: sign in again' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Token'));
    expect(document.querySelector('.shell')?.hasAttribute('inert')).toBe(true);
    expect((screen.getByLabelText(/^Reason/) as HTMLTextAreaElement).value).toBe('Waiting on the vendor');

    await user.type(within(dialog).getByLabelText('Token'), 'tl_new{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.querySelector('.shell')?.hasAttribute('inert')).toBe(false);
    expect((screen.getByLabelText(/^Reason/) as HTMLTextAreaElement).value).toBe('Waiting on the vendor');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save the status' }));

    await user.click(screen.getByRole('button', { name: 'Save the status' }));
    await waitFor(() => expect(server.of('SetPlanStatus')).toHaveLength(2));
    expect(server.of('SetPlanStatus')[1]).toMatchObject({
      authorization: 'Bearer tl_new',
      variables: { input: { status: 'BLOCKED', reason: 'Waiting on the vendor' } },
    });
  });

  test('a wrong token in the dialog says so and keeps the dialog open', async () => {
    sessionStorage.setItem('throughline.token', 'tl_old');
    window.location.hash = '#/team';
    fakeServer({ Viewer: (_v, nth) => (nth === 1 ? viewer() : refusedToken()), MyTeam: () => refusedToken() });
    const user = userEvent.setup();
    render(<App />);

    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Token'), 'tl_wrong{Enter}');
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/refused this token/);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  test('a query refused for its token runs again once signed in again', async () => {
    sessionStorage.setItem('throughline.token', 'tl_old');
    window.location.hash = '#/team';
    const server = fakeServer({ Viewer: () => viewer(), MyTeam: (_v, nth) => (nth === 1 ? refusedToken() : myTeam.data) });
    const user = userEvent.setup();
    render(<App />);

    await user.type(within(await screen.findByRole('dialog')).getByLabelText('Token'), 'tl_new{Enter}');
    await screen.findByRole('link', { name: 'Plan of Oleksandr Petrenko' });
    expect(server.of('MyTeam')).toHaveLength(2);
  });
});

describe('starting in the desktop app', () => {
  test('a stored token whose server does not answer offers to try again, without asking for the token', async () => {
    fakeDesktop({ server: 'http://10.0.0.9:8080', hasToken: true });
    let up = false;
    const server = fakeServer({
      Viewer: () => (up ? viewer() : new Response('No server answers at http://10.0.0.9:8080.', { status: 502 })),
      MyTeam: () => myTeam.data,
    });
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach http://10.0.0.9:8080' })).toBeTruthy();
    expect(screen.queryByLabelText('Token')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Still no answer/)).toBeTruthy();

    up = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('navigation', { name: 'Views' });
    expect(server.of('Viewer')).toHaveLength(3);
  });

  test('Change connection opens the Connect form on the stored address', async () => {
    fakeDesktop({ server: 'http://10.0.0.9:8080', hasToken: true });
    fakeServer({ Viewer: () => new Response('No server answers.', { status: 502 }) });
    const user = userEvent.setup();
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Change connection' }));
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('http://10.0.0.9:8080');
  });

  test("an address the Go side refuses shows its reason on the form", async () => {
    const setConnection = vi.fn(async () => {
      throw '"http://me@127.0.0.1:18080" is not a server address: leave out user names, queries and fragments';
    });
    fakeDesktop({ server: '', hasToken: false }, setConnection);
    const server = fakeServer({ Viewer: () => viewer() });
    const user = userEvent.setup();
    render(<App />);

    await user.type(await screen.findByLabelText('Server address'), 'http://me@127.0.0.1:18080');
    await user.type(screen.getByLabelText('Token'), 'tl_abc{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('leave out user names');
    expect(server.of('Viewer')).toHaveLength(0);
  });

  test('a server whose schema is too old is refused on the form, naming both versions', async () => {
    fakeDesktop({ server: '', hasToken: false });
    const serverInfo = { version: '0.9.0', schemaVersion: requiredSchemaVersion - 1 };
    const old = { ...viewer(['HR']), serverInfo };
    const server = fakeServer({ Viewer: () => old });
    const user = userEvent.setup();
    render(<App />);

    await user.type(await screen.findByLabelText('Server address'), 'http://127.0.0.1:18080');
    await user.type(screen.getByLabelText('Token'), 'tl_abc{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`release 0.9.0) speaks schema version ${requiredSchemaVersion - 1}`);
    expect(alert.textContent).toContain(`needs version ${requiredSchemaVersion} or later`);
    expect(server.of('Viewer')).toHaveLength(1);
    expect(screen.queryByRole('navigation', { name: 'Views' })).toBeNull();
  });

  test('a first launch, with no address yet, starts in the address field', async () => {
    fakeDesktop({ server: '', hasToken: false });
    fakeServer({});
    render(<App />);

    const address = await screen.findByLabelText('Server address');
    expect(document.activeElement).toBe(address);
    expect(screen.getByText('Throughline desktop 1.2.3')).toBeTruthy();
  });
});

describe('the shell', () => {
  test('Skip to content focuses the view and leaves the route alone', async () => {
    sessionStorage.setItem('throughline.token', 'tl_abc');
    window.location.hash = '#/handover';
    fakeServer({ Viewer: () => viewer() });
    const user = userEvent.setup();
    render(<App />);

    await screen.findByRole('navigation', { name: 'Views' });
    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(window.location.hash).toBe('#/handover');
    expect(document.activeElement?.id).toBe('main');
    expect(screen.getByRole('link', { name: 'Handover' }).getAttribute('aria-current')).toBe('page');
  });

  test('anyone with a person gets a My plan link to their own plan', async () => {
    sessionStorage.setItem('throughline.token', 'tl_abc');
    window.location.hash = '#/handover';
    fakeServer({ Viewer: () => viewer(['EMPLOYEE']) });
    render(<App />);

    const nav = await screen.findByRole('navigation', { name: 'Views' });
    expect(within(nav).getByRole('link', { name: 'My plan' }).getAttribute('href')).toBe(`#/people/${graceId}/plan`);
  });

  test('an address whose escapes do not decode is not found, with the way back', async () => {
    sessionStorage.setItem('throughline.token', 'tl_abc');
    window.location.hash = '#/handover/packs/%%%';
    fakeServer({ Viewer: () => viewer() });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to My team' }).getAttribute('href')).toBe('#/team');
  });

  test('a view that breaks while rendering says so, and My team still works', async () => {
    sessionStorage.setItem('throughline.token', 'tl_abc');
    window.location.hash = `#/people/${meiLinId}/plan`;
    // A plan without its lanes: the view cannot draw it.
    const broken = { ...plan(), executionGoals: undefined } as unknown as ReturnType<typeof plan>;
    fakeServer({ Viewer: () => viewer(), PlanView: () => planViewAnswer(broken), MyTeam: () => myTeam.data });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    render(<App />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/This view stopped with an error/);
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Go to My team' }));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await screen.findByRole('link', { name: 'Plan of Oleksandr Petrenko' });
    quiet.mockRestore();
  });
});
