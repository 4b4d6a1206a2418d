// The client sorts every way a request can fail into the kinds the views
// tell apart; these run it against fetch answers shaped like the server's.
import { afterEach, describe, expect, test, vi } from 'vitest';

import { request, RequestError } from './client';
import { requiredSchemaVersion } from './compat';
import { ViewerDocument } from './Viewer.generated';

function answer(status: number, body: unknown, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal('fetch', vi.fn(async () => new Response(text, { status, headers: { 'Content-Type': type } })));
}

async function failure(): Promise<RequestError> {
  try {
    await request(ViewerDocument, {});
  } catch (err) {
    if (err instanceof RequestError) return err;
    throw err;
  }
  throw new Error('the request did not fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  test('answers the data', async () => {
    const data = {
      serverInfo: { version: 'dev', schemaVersion: requiredSchemaVersion },
      viewer: { roles: ['HR'], person: null },
    };
    answer(200, { data });
    expect(await request(ViewerDocument, {})).toEqual(data);
  });

  test('sends the operation text and the token a browser holds', async () => {
    sessionStorage.setItem('throughline.token', 'tl_secret');
    answer(200, { data: {} });
    await request(ViewerDocument, {});
    const [url, init] = vi.mocked(fetch).mock.calls[0];
    expect(url).toBe('/query');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tl_secret');
    expect(JSON.parse(init?.body as string).query).toMatch(/query Viewer/);
  });

  test('a 401 is a refused token', async () => {
    answer(401, { errors: [{ message: 'unauthenticated' }] });
    expect((await failure()).kind).toBe('unauthenticated');
  });

  test('no answer at all is an unreachable server', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect((await failure()).kind).toBe('unreachable');
  });

  test("a 502 from the desktop's forwarder is unreachable, with its words", async () => {
    answer(502, 'No server answers at http://10.0.0.9:8080.', 'text/plain');
    const err = await failure();
    expect(err.kind).toBe('unreachable');
    expect(err.message).toContain('10.0.0.9');
  });

  test('an unknown field means an incompatible server', async () => {
    answer(422, { errors: [{ message: 'Cannot query field "serverInfo" on type "Query".' }] });
    expect((await failure()).kind).toBe('incompatible');
  });

  test('other errors keep the request id', async () => {
    answer(200, { data: null, errors: [{ message: 'internal error', extensions: { requestId: 'r-42' } }] });
    const err = await failure();
    expect(err.kind).toBe('server');
    expect(err.requestId).toBe('r-42');
  });

  test("a refused input field comes with the error: the server's field, or the path inside the input", async () => {
    answer(200, {
      data: null,
      errors: [
        { message: 'realWork is longer than 20000 characters', path: ['recordCheckIn'], extensions: { code: 'INVALID', field: 'realWork' } },
      ],
    });
    let err = await failure();
    expect([err.kind, err.code, err.field]).toEqual(['server', 'INVALID', ['realWork']]);

    answer(200, {
      data: null,
      errors: [
        { message: '"3100-01-01" is outside the years 1900 to 2999', path: ['recordCheckIn', 'input', 'heldOn'], extensions: { code: 'INVALID' } },
      ],
    });
    err = await failure();
    expect(err.field).toEqual(['heldOn']);
  });

  test('a body that is not JSON says what came back', async () => {
    answer(500, '<html>oops</html>', 'text/html');
    expect((await failure()).message).toMatch(/500 without a GraphQL response/);
  });
});
