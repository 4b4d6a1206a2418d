// The plan view's notice that a quarterly review waits, against a fake
// server: the next cycle's plan waiting, this plan waiting, nothing
// waiting, and who gets the link.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';

import { fakeServer, grace, kenji, renderAs } from '../plan/fake-server';
import { meiLinId, plan, planViewAnswer } from '../plan/fixtures';
import { PlanView } from '../plan/PlanView';

afterEach(() => {
  vi.unstubAllGlobals();
});

const cycles = () => ({
  cycles: {
    nodes: [
      { id: 'Q3ljbGU6MQ', name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' },
      { id: 'Q3ljbGU6Mw', name: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
      { id: 'Q3ljbGU6Mg', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    ],
  },
});

const planThere = (status: 'NEEDS_RESET' | 'ON_TRACK', quarterlyReviewHeld = false) => () => ({
  node: {
    __typename: 'Person',
    id: meiLinId,
    plan: { id: 'RGV2ZWxvcG1lbnRQbGFuOjQw', status, quarterlyReviewHeld },
  },
});

async function openPlan(session = grace, cycle?: string) {
  renderAs(session, <PlanView personId={meiLinId} cycle={cycle} />);
  await screen.findByRole('heading', { level: 1, name: 'Plan: Mei-Lin Chen' });
}

test("the next cycle's plan waiting for its review leads the manager to the review", async () => {
  const server = fakeServer({
    PlanView: () => planViewAnswer(),
    PlanCycles: cycles,
    ReviewDuePlan: planThere('NEEDS_RESET'),
  });
  await openPlan();

  const notice = await screen.findByRole('region', { name: 'The quarterly review for 2027-Q1 waits' });
  expect(notice.textContent).toContain("Mei-Lin Chen's plan for 2027-Q1 waits for its quarterly review");
  expect(screen.getByRole('link', { name: 'Hold the quarterly review' }).getAttribute('href')).toBe(
    `#/people/${meiLinId}/quarterly-review/2027-Q1`,
  );
  expect(server.of('ReviewDuePlan')[0].variables).toEqual({ personId: meiLinId, cycle: '2027-Q1' });
});

test('a plan waiting for its review, with a plan in the cycle before, leads to the review', async () => {
  const waiting = plan({
    status: 'NEEDS_RESET',
    statusReason: 'the quarterly review for 2027-Q1 has not been held',
    quarterlyReviewHeld: false,
    cycle: { id: 'Q3ljbGU6Mw', name: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
    executionGoals: [],
  });
  const server = fakeServer({
    PlanView: () => planViewAnswer(waiting),
    PlanCycles: cycles,
    ReviewDuePlan: planThere('ON_TRACK', true),
  });
  await openPlan(grace, '2027-Q1');

  const notice = await screen.findByRole('region', { name: 'The quarterly review for 2027-Q1 waits' });
  expect(notice.textContent).toContain('This plan waits for its quarterly review');
  expect(screen.getByRole('link', { name: 'Hold the quarterly review' }).getAttribute('href')).toBe(
    `#/people/${meiLinId}/quarterly-review/2027-Q1`,
  );
  expect(server.of('PlanView')[0].variables).toEqual({ personId: meiLinId, cycle: '2027-Q1' });
  expect(server.of('ReviewDuePlan')[0].variables).toEqual({ personId: meiLinId, cycle: '2026-Q4' });
  expect(screen.getByRole('link', { name: 'Check-in' }).getAttribute('href')).toBe(
    `#/people/${meiLinId}/check-in/2027-Q1`,
  );
});

test("a next cycle's plan already on track shows no notice", async () => {
  const server = fakeServer({
    PlanView: () => planViewAnswer(),
    PlanCycles: cycles,
    ReviewDuePlan: planThere('ON_TRACK', true),
  });
  await openPlan();

  await waitFor(() => expect(server.of('ReviewDuePlan')).toHaveLength(1));
  await new Promise((r) => setTimeout(r, 20));
  expect(screen.queryByRole('region', { name: /quarterly review for/ })).toBeNull();
});

test('HR is told the review waits, without the link', async () => {
  fakeServer({
    PlanView: () => planViewAnswer(),
    PlanCycles: cycles,
    ReviewDuePlan: planThere('NEEDS_RESET'),
  });
  await openPlan(kenji);

  await screen.findByRole('region', { name: 'The quarterly review for 2027-Q1 waits' });
  expect(screen.getByText('A manager above Mei-Lin Chen holds it.')).toBeTruthy();
  expect(screen.queryByRole('link', { name: 'Hold the quarterly review' })).toBeNull();
});

test('a failed check says so quietly and can be tried again', async () => {
  const server = fakeServer({ PlanView: () => planViewAnswer() });
  await openPlan();

  expect(await screen.findByText(/Whether a quarterly review waits could not be checked/)).toBeTruthy();
  server.answer('PlanCycles', cycles);
  server.answer('ReviewDuePlan', planThere('NEEDS_RESET'));
  await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
  expect(await screen.findByRole('region', { name: 'The quarterly review for 2027-Q1 waits' })).toBeTruthy();
});
