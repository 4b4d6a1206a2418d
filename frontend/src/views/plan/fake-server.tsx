// For component tests: a stand-in for fetch that answers each GraphQL
// operation by name with data shaped like the server's, and records every
// request, so a test can check what a view sent. Also renders a view
// inside a signed-in session.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

import { type Session, SessionContext } from '../../api/session';

export interface Sent {
  operation: string;
  variables: Record<string, unknown>;
}

/** Answers an operation's variables with its data; nth counts from 1. */
export type Answer = (variables: Record<string, any>, nth: number) => unknown;

export interface FakeServer {
  sent: Sent[];
  /** The requests of one operation, oldest first. */
  of(operation: string): Sent[];
  /** Replaces or adds the answer to an operation. */
  answer(operation: string, a: Answer): void;
}

/** Stubs fetch until the test ends (vi.unstubAllGlobals in afterEach). */
export function fakeServer(answers: Record<string, Answer>): FakeServer {
  const sent: Sent[] = [];
  const table = { ...answers };
  const of = (operation: string) => sent.filter((s) => s.operation === operation);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      const operation = /^\s*(?:query|mutation)\s+(\w+)/m.exec(body.query)?.[1] ?? '';
      sent.push({ operation, variables: body.variables });
      const a = table[operation];
      const out = a ? a(body.variables, of(operation).length) : undefined;
      const payload = !a
        ? { errors: [{ message: `the fake server has no answer for ${operation}` }] }
        : out instanceof TopLevelErrors
          ? { data: null, errors: out.errors }
          : { data: out };
      return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return { sent, of, answer: (op, a) => (table[op] = a) };
}

/** Grace Mwangi, a manager, as the demo organisation has her. */
export const grace: Session = {
  personId: 'UGVyc29uOjg',
  personName: 'Grace Mwangi',
  roles: ['MANAGER'],
  serverVersion: 'dev',
  signOut: () => {},
  sessionEnded: () => {},
  signIns: 0,
};

/** Kenji Watanabe, HR: reads every plan, edits none. */
export const kenji: Session = { ...grace, personId: 'UGVyc29uOjM', personName: 'Kenji Watanabe', roles: ['HR'] };

export function renderAs(session: Session, ui: ReactElement) {
  return render(<SessionContext.Provider value={session}>{ui}</SessionContext.Provider>);
}

/** An answer of errors beside null data, as the server gives for input it refuses outright. */
export class TopLevelErrors {
  constructor(readonly errors: readonly unknown[]) {}
}

/** The server's refusal of a text longer than its limit, named by its input field. */
export function tooLong(field: string, limit = 20000) {
  return new TopLevelErrors([
    { message: `${field} is longer than ${limit} characters`, path: ['mutation'], extensions: { code: 'INVALID', field } },
  ]);
}

/** A mutation payload with no userErrors. */
export function ok<T extends object>(fields: T) {
  return { ...fields, userErrors: [] };
}

/** A mutation payload refused with one userError on an input field. */
export function refused(field: string, message: string, code = 'INVALID') {
  return { userErrors: [{ field: ['input', field], message, code }] };
}

/** The payload of a write that lost to someone else's change. */
export function conflict() {
  return refused(
    'version',
    'the plan changed since it was read (you sent version 15, it is now at 16): reload it and make the change again',
    'CONFLICT',
  );
}
