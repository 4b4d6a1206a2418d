// The review's rules with plain data: which cycles a review moves between,
// the decisions' checks, and whose userError is whose.
import { describe, expect, test } from 'vitest';

import { earlierPlan, laterPlan, leadIncidents, writeReviews } from './fixtures';
import {
  checkDecisions,
  decisionsInput,
  dueReviewResets,
  openGoals,
  reviewCycles,
  reviewOpensOn,
  serverDecisionProblems,
  slotsLeft,
} from './review-model';

const cycles = [
  { name: '2027-Q1', startsOn: '2027-01-01' },
  { name: '2026-Q3', startsOn: '2026-07-01' },
  { name: '2026-Q4', startsOn: '2026-10-01' },
];

const plan = (name: string, status: 'ON_TRACK' | 'NEEDS_RESET' = 'ON_TRACK', quarterlyReviewHeld = true) => ({
  status,
  quarterlyReviewHeld,
  cycle: { name },
});

describe('reviewCycles', () => {
  test.each([
    ['a cycle named: from the cycle before it', null, '2027-Q1', { from: '2026-Q4', into: '2027-Q1' }],
    ['the first cycle named: nothing before it', null, '2026-Q3', { reason: 'firstCycle', cycle: '2026-Q3' }],
    ['an unknown cycle named', null, '2031-Q1', { reason: 'noSuchCycle', cycle: '2031-Q1' }],
    [
      'a current plan on track: into the next cycle',
      plan('2026-Q4'),
      undefined,
      { from: '2026-Q4', into: '2027-Q1' },
    ],
    [
      'a current plan waiting: into its own cycle',
      plan('2027-Q1', 'NEEDS_RESET', false),
      undefined,
      { from: '2026-Q4', into: '2027-Q1' },
    ],
    [
      'a current plan set NEEDS_RESET after its review: into the next cycle',
      plan('2026-Q4', 'NEEDS_RESET', true),
      undefined,
      { from: '2026-Q4', into: '2027-Q1' },
    ],
    [
      'the last cycle: nothing after it',
      plan('2027-Q1'),
      undefined,
      { reason: 'noLaterCycle', cycle: '2027-Q1' },
    ],
    ['no current plan', null, undefined, { reason: 'noPlan' }],
  ] as const)('%s', (_name, current, named, want) => {
    expect(reviewCycles(cycles, current, named)).toEqual(want);
  });
});

describe('checkDecisions', () => {
  const goals = openGoals(earlierPlan(), laterPlan());

  test('needs a decision per goal and a key result for a carried one', () => {
    const got = checkDecisions(
      goals,
      { [leadIncidents.id]: { decision: 'CARRY_OVER', keyResultId: '' } },
      2,
      '2027-Q1',
    );
    expect(got.byGoal).toEqual({
      [leadIncidents.id]: 'Choose the key result of 2027-Q1 it will serve.',
      [writeReviews.id]: 'Decide what becomes of this goal: close it, or carry it over.',
    });
    expect(got.all).toEqual([]);
  });

  test('refuses carrying over more goals than the new plan has room for', () => {
    const carry = { decision: 'CARRY_OVER' as const, keyResultId: 'kr' };
    const got = checkDecisions(goals, { [leadIncidents.id]: carry, [writeReviews.id]: carry }, 1, '2027-Q1');
    expect(got.byGoal).toEqual({});
    expect(got.all[0]).toMatch(/has room for 1: carry over at most 1/);
  });

  test('sends a key result only with a goal carried over', () => {
    const input = decisionsInput(goals, {
      [leadIncidents.id]: { decision: 'CLOSE_DROPPED', keyResultId: 'chosen before' },
      [writeReviews.id]: { decision: 'CARRY_OVER', keyResultId: 'kr' },
    });
    expect(input).toEqual([
      { goalId: leadIncidents.id, decision: 'CLOSE_DROPPED', keyResultId: undefined },
      { goalId: writeReviews.id, decision: 'CARRY_OVER', keyResultId: 'kr' },
    ]);
  });

  test('counts the slots the new plan has left', () => {
    expect(slotsLeft(null)).toBe(2);
    const holding = (state: 'ACTIVE' | 'DROPPED') =>
      laterPlan({ executionGoals: [{ id: 'g', state, carriedFrom: null }] });
    expect(slotsLeft(holding('ACTIVE'))).toBe(1);
    expect(slotsLeft(holding('DROPPED'))).toBe(2);
  });
});

test("the server's decision errors go to the goal they quote or number, the rest to all", () => {
  const goals = openGoals(earlierPlan(), laterPlan());
  const e = (message: string, field = 'decisions') => ({ field: ['input', field], message, code: 'INVALID' });
  const got = serverDecisionProblems(
    [
      e(`no decision for "${writeReviews.title}": close it or carry it over`),
      e('decision 1: no key result with ID 9'),
      e('the new plan would hold 3 execution goals; carry over at most 2'),
      e('the review into 2027-Q1 can be held from 2026-12-18', 'heldOn'),
    ],
    goals,
  );
  expect(got).toEqual({
    byGoal: {
      [writeReviews.id]: `no decision for "${writeReviews.title}": close it or carry it over`,
      [leadIncidents.id]: 'decision 1: no key result with ID 9',
    },
    all: ['the new plan would hold 3 execution goals; carry over at most 2'],
  });
});

test('the review window opens the lead days before the cycle starts', () => {
  expect(reviewOpensOn('2027-01-01', 14)).toBe('2026-12-18');
  expect(reviewOpensOn('2027-03-01', 0)).toBe('2027-03-01');
});

test.each([
  ['the current review held: the due one is the next cycle’s', 'ON_TRACK', true, '2027-01-22', true],
  ['a waiting plan', 'NEEDS_RESET', false, '2027-01-22', true],
  ['the current review due, not held: a check-in', 'ON_TRACK', false, '2026-10-22', false],
  ['nothing due', 'ON_TRACK', true, null, false],
] as const)('dueReviewResets: %s', (_name, status, held, due, want) => {
  const row = { plan: { status }, quarterlyReviewHeld: held, quarterlyReviewDue: due };
  expect(dueReviewResets(row)).toBe(want);
});
