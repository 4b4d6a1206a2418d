// Answers shaped like the server's, for the handover views' tests, and a
// stubbed fetch that answers GraphQL operations by name.
import { vi } from 'vitest';

import type { PackFieldsFragment } from './Pack.generated';
import type { PackContentsFieldsFragment } from './PackContents.generated';

export const grace = { id: 'UGVyc29uOjg', name: 'Grace Mwangi' };
export const siddharth = { id: 'UGVyc29uOjE0', name: 'Siddharth Iyer' };

export function contents(): PackContentsFieldsFragment {
  return {
    cycle: '2026-Q4',
    status: 'BLOCKED',
    statusReason: 'Waiting for access to the billing data',
    executionGoals: [
      {
        title: 'Write runbooks someone else can follow',
        changeInWork: 'Whoever is on call restores the services without calling me.',
        capability: 'Handover quality',
        keyResult: 'Give all 22 services a runbook',
        gap: 1,
        horizon: '',
      },
    ],
    careerGoals: [
      {
        title: 'Become the tech lead for Platform',
        changeInWork: 'Leads design reviews.',
        capability: null,
        keyResult: null,
        gap: null,
        horizon: '2027-Q4',
      },
    ],
    openActions: [
      {
        goal: 'Write runbooks someone else can follow',
        kind: 'EXPOSURE',
        title: "Review two of Mei-Lin's incident handovers",
        supporter: 'Mei-Lin Chen',
        dueOn: '2026-11-20',
        overdue: true,
      },
    ],
    recentCheckIns: [
      {
        kind: 'MONTHLY',
        heldOn: '2026-11-14',
        stillHard: 'Keeping runbooks current after changes.',
        supportNeeded: 'A review rule for changed alerts.',
        observedChange: 'CLEAR_IMPROVEMENT',
        statusAfter: 'ON_TRACK',
        note: 'Shared note from the check-in',
      },
    ],
    keyDeliverables: [
      { title: 'Cut customer-facing incidents to 3', objective: 'Reliable routing API', progress: 0.61, critical: true },
    ],
    warnings: [{ code: 'NO_SUPPORTER', message: 'A goal has no supporter on any action.' }],
  };
}

/** A pack handed from Grace to Siddharth, not yet acknowledged. */
export function pack(overrides: Partial<PackFieldsFragment> = {}): PackFieldsFragment {
  return {
    id: 'SGFuZG92ZXJQYWNrOjQ',
    person: { id: 'UGVyc29uOjk', name: 'Oleksandr Petrenko', title: 'Senior Backend Engineer' },
    fromManager: grace,
    handover: {
      id: 'SGFuZG92ZXI6Mw',
      effectiveOn: '2026-12-04',
      note: 'Platform splits in two',
      toManager: siddharth,
    },
    risks: 'The only one who knows the routing cache.',
    stakeholderPriorities: 'Dispatch leads first, then finance.',
    acknowledgedAt: null,
    acknowledgedBy: null,
    markdown: '# Handover pack: Oleksandr Petrenko\n',
    contents: contents(),
    ...overrides,
  };
}

/** One GraphQL call as the stubbed fetch saw it. */
export interface Call {
  operation: string;
  variables: Record<string, unknown>;
}

/** A response body with errors, as the server sends a refusal. */
export function refusal(message: string, code = 'UNAUTHORIZED') {
  return { errors: [{ message, extensions: { code } }], data: null };
}

type Handler = (vars: Record<string, unknown>) => unknown;

/**
 * Stubs fetch with a server that answers each operation by name and
 * records the calls. A handler returns the data, or a whole body made by
 * refusal().
 */
export function fakeServer(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  const fetch = async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/m.exec(body.query)?.[1] ?? '';
    calls.push({ operation, variables: body.variables });
    const handler = handlers[operation];
    if (!handler) throw new Error(`the fake server has no answer for ${operation}`);
    const result = handler(body.variables);
    const answer = result && typeof result === 'object' && 'errors' in result ? result : { data: result };
    return { status: 200, json: async () => answer, text: async () => JSON.stringify(answer) };
  };
  vi.stubGlobal('fetch', vi.fn(fetch));
  return calls;
}
