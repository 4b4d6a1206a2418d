// The quarterly review against a fake server: the decision rules checked
// before sending, the carry-over key result found by search and picked
// from a list, what the review sends, where the server's userErrors land,
// what a version conflict offers, and the screen's other states.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { conflict, fakeServer, grace, kenji, ok, renderAs, tooLong } from '../plan/fake-server';
import { todayISO } from '../plan/labels';
import {
  currentPlan,
  cycles,
  daysFromToday,
  earlierPlan,
  earlierPlanId,
  keyResults,
  laterPlan,
  laterPlanId,
  leadIncidents,
  meiLinId,
  opensOn,
  pagesHalved,
  restoreIn20,
  reviewAnswer,
  staffEngineer,
  startAnswer,
  tenDeals,
  writeReviews,
} from './fixtures';
import { QuarterlyReviewView } from './QuarterlyReviewView';

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const held = () => ({
  holdQuarterlyReview: ok({
    plan: { id: laterPlanId, status: 'ON_TRACK', version: 2, cycle: { id: 'Q3ljbGU6Mw', name: '2027-Q1' } },
    checkIn: { id: 'Q2hlY2tJbjo5' },
  }),
});

/** Opens the review; null names no cycle, for the screen to work it out. */
async function openReview(session = grace, cycle: string | null = '2027-Q1') {
  renderAs(session, <QuarterlyReviewView personId={meiLinId} cycle={cycle ?? undefined} />);
  await screen.findByRole('heading', { level: 1, name: 'Quarterly review: Mei-Lin Chen' });
}

async function form() {
  return within(await screen.findByRole('form', { name: 'Quarterly review with Mei-Lin Chen' }));
}

/** A goal's decision, a group named by the goal's title. */
function goal(title: string) {
  return within(screen.getByRole('group', { name: title }));
}

function errorOf(el: HTMLElement): string | undefined {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)?.textContent).find(Boolean) ?? undefined;
}

function invalid(field: string, message: string) {
  return { field: ['input', field], message, code: 'INVALID' };
}

function options(select: HTMLElement): string[] {
  return [...(select as HTMLSelectElement).options].filter((o) => o.value).map((o) => o.value);
}

describe('deciding on the goals', () => {
  test('sends the key result found for a carried goal, none for a closed one, and the answers', async () => {
    const server = fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(),
      HoldQuarterlyReview: held,
    });
    await openReview();
    const user = userEvent.setup();
    const f = await form();

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
    const search = goal(leadIncidents.title).getByLabelText('Find a key result of 2027-Q1');
    await user.type(search, 'restore{Enter}');
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as achieved' }));
    expect((f.getByLabelText('Held on') as HTMLInputElement).value).toBe(todayISO());
    await user.type(f.getByLabelText('What capability are you building?'), 'Incident command');
    await user.type(f.getByLabelText('What has improved in your output?'), 'Faster restores');
    await user.click(f.getByRole('radio', { name: 'Clear improvement' }));
    await user.type(f.getByLabelText('Note'), 'Ask Rafael about the staff path');
    await user.click(f.getByRole('radio', { name: /Private: only you/ }));
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));

    await waitFor(() => expect(window.location.hash).toBe(`#/people/${meiLinId}/plan/2027-Q1`));
    expect(server.of('HoldQuarterlyReview')[0].variables).toEqual({
      input: {
        planId: earlierPlanId,
        version: 15,
        cycle: '2027-Q1',
        decisions: [
          { goalId: leadIncidents.id, decision: 'CARRY_OVER', keyResultId: restoreIn20.id },
          { goalId: writeReviews.id, decision: 'CLOSE_ACHIEVED' },
        ],
        heldOn: todayISO(),
        capabilityBuilding: 'Incident command',
        outputImproved: 'Faster restores',
        observedChange: 'CLEAR_IMPROVEMENT',
        note: 'Ask Rafael about the staff path',
        notePrivate: true,
      },
    });
  });

  test('only active goals the new plan does not already continue wait for a decision', async () => {
    const continued = {
      id: 'RGV2ZWxvcG1lbnRHb2FsOjk5',
      state: 'ACTIVE' as const,
      carriedFrom: { id: leadIncidents.id },
    };
    fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(earlierPlan(), laterPlan({ executionGoals: [continued] })),
    });
    await openReview();
    const f = await form();

    const decisions = within(f.getByRole('region', { name: /Execution goals of 2026-Q4/ }));
    expect(decisions.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
      writeReviews.title,
    ]);
    expect(decisions.getByText(/has room for one more execution goal/)).toBeTruthy();
  });

  test('every goal needs a decision and a carried goal a key result, before anything is sent', async () => {
    const server = fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    await openReview();
    const user = userEvent.setup();
    const f = await form();
    const submit = f.getByRole('button', { name: 'Hold the quarterly review' });

    await user.click(submit);

    const first = goal(leadIncidents.title).getByRole('radio', { name: 'Close as achieved' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    const decide = 'Decide what becomes of this goal: close it, or carry it over.';
    expect(errorOf(screen.getByRole('group', { name: leadIncidents.title }))).toBe(decide);
    expect(errorOf(screen.getByRole('group', { name: writeReviews.title }))).toBe(decide);

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
    expect(errorOf(screen.getByRole('group', { name: leadIncidents.title }))).toBeUndefined();
    await user.click(submit);

    const list = goal(leadIncidents.title).getByLabelText('Key result it will serve');
    await waitFor(() => expect(document.activeElement).toBe(list));
    expect(errorOf(list)).toBe('Choose the key result of 2027-Q1 it will serve.');
    expect(list.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(screen.getByRole('group', { name: writeReviews.title }))).toBe(decide);
    expect(server.of('HoldQuarterlyReview')).toHaveLength(0);
  });

  test('carrying over more goals than the new plan has room for is refused before sending', async () => {
    const own = { id: 'RGV2ZWxvcG1lbnRHb2FsOjk4', state: 'ACTIVE' as const, carriedFrom: null };
    const server = fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(earlierPlan(), laterPlan({ executionGoals: [own] })),
    });
    await openReview();
    const user = userEvent.setup();
    const f = await form();

    for (const [title, kr] of [
      [leadIncidents.title, restoreIn20.id],
      [writeReviews.title, pagesHalved.id],
    ]) {
      await user.click(goal(title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
      await user.selectOptions(goal(title).getByLabelText('Key result it will serve'), kr);
    }
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));

    const problem = await f.findByText(/carry over at most 1, and close the others/);
    expect(problem.id).toBe('review-decisions-error');
    expect(server.of('HoldQuarterlyReview')).toHaveLength(0);
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as dropped' }));
    expect(f.queryByText(/carry over at most 1/)).toBeNull();
  });

  test('a cycle without key results offers no carry-over', async () => {
    fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(earlierPlan(), laterPlan(), keyResults([])),
    });
    await openReview();
    await form();

    const carry = goal(leadIncidents.title).getByRole('radio', { name: 'Carry over to 2027-Q1' });
    expect((carry as HTMLInputElement).disabled).toBe(true);
    expect(goal(leadIncidents.title).getByText(/2027-Q1 has no key results yet/)).toBeTruthy();
  });

  test('the career goals that carry forward are listed, read-only, and dropped ones are not', async () => {
    fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    await openReview();
    const f = await form();

    const career = within(f.getByRole('region', { name: /Career goals/ }));
    expect(career.getByText(staffEngineer.title)).toBeTruthy();
    expect(career.getByText(/horizon 2028-Q2/)).toBeTruthy();
    expect(career.queryByText('Move into product management')).toBeNull();
    expect(career.queryAllByRole('radio')).toHaveLength(0);
    expect(career.queryAllByRole('textbox')).toHaveLength(0);
  });
});

describe('choosing the key result', () => {
  test('search narrows the list, Enter takes the only match and goes to it, a choice stays', async () => {
    fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    await openReview();
    const user = userEvent.setup();
    await form();
    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
    const search = goal(leadIncidents.title).getByLabelText('Find a key result of 2027-Q1');
    const list = goal(leadIncidents.title).getByLabelText('Key result it will serve') as HTMLSelectElement;
    expect(options(list)).toEqual([restoreIn20.id, pagesHalved.id, tenDeals.id]);
    expect(list.querySelector('optgroup')?.label).toBe('Make the platform boringly reliable (Platform)');

    // An objective's or team's words find its key results too.
    await user.type(search, 'platform');
    expect(options(list)).toEqual([restoreIn20.id, pagesHalved.id]);
    expect(goal(leadIncidents.title).getByText(/2 of 3 key results match/)).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(list.value).toBe('');
    expect(document.activeElement).toBe(list);

    await user.clear(search);
    await user.type(search, 'pages{Enter}');
    expect(list.value).toBe(pagesHalved.id);
    expect(document.activeElement).toBe(list);

    // A search that leaves the choice out still keeps it.
    await user.clear(search);
    await user.type(search, 'deals');
    expect(options(list)).toEqual([pagesHalved.id, tenDeals.id]);
    expect(list.value).toBe(pagesHalved.id);
  });

  test('a long list says that only the first page is offered', async () => {
    fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(earlierPlan(), laterPlan(), keyResults(undefined, 140)),
    });
    await openReview();
    const user = userEvent.setup();
    await form();

    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
    expect(goal(writeReviews.title).getByText(/Only the first 3 of 140 are offered/)).toBeTruthy();
  });
});

describe("the server's answer", () => {
  test('userErrors show beside the goal they name, beside Held on, the rest above the button', async () => {
    const refusal = {
      holdQuarterlyReview: {
        plan: null,
        checkIn: null,
        userErrors: [
          invalid('decisions', `"${writeReviews.title}" has more than one decision`),
          invalid(
            'decisions',
            'decision 1: the key result is not in 2027-Q1; ' +
              'a carried-over goal serves a key result of the new cycle',
          ),
          invalid('decisions', 'the new plan would hold 3 execution goals; carry over at most 2'),
          invalid('heldOn', 'the review into 2027-Q1 can be held from later'),
          { ...invalid('cycle', 'no cycle named "2027-Q1": open it first'), code: 'NOT_FOUND' },
        ],
      },
    };
    fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(),
      HoldQuarterlyReview: () => refusal,
    });
    await openReview();
    const user = userEvent.setup();
    const f = await form();

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
    const list = goal(leadIncidents.title).getByLabelText('Key result it will serve');
    await user.selectOptions(list, tenDeals.id);
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as dropped' }));
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));

    await f.findByText(/the key result is not in 2027-Q1/);
    expect(errorOf(list)).toMatch(/^decision 1: the key result is not in 2027-Q1/);
    expect(errorOf(screen.getByRole('group', { name: leadIncidents.title }))).toMatch(/^decision 1:/);
    const second = screen.getByRole('group', { name: writeReviews.title });
    expect(errorOf(second)).toMatch(/has more than one decision/);
    expect(f.getByText(/carry over at most 2/).id).toBe('review-decisions-error');
    expect(errorOf(f.getByLabelText('Held on'))).toBe('the review into 2027-Q1 can be held from later');
    const rest = f.getByText('no cycle named "2027-Q1": open it first');
    expect(rest.closest('ul')?.getAttribute('role')).toBe('alert');

    // Changing a goal's decision takes its problem away; the other goal's stays.
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as achieved' }));
    expect(errorOf(screen.getByRole('group', { name: writeReviews.title }))).toBeUndefined();
    expect(errorOf(screen.getByRole('group', { name: leadIncidents.title }))).toMatch(/^decision 1:/);
  });

  test('a text the server finds too long shows beside its prompt', async () => {
    fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () => reviewAnswer(),
      HoldQuarterlyReview: () => tooLong('realWork'),
    });
    await openReview();
    const user = userEvent.setup();
    const f = await form();

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Close as dropped' }));
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as achieved' }));
    await user.type(f.getByLabelText('What real work is building it?'), 'Far too much');
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));

    await f.findByText('This text is longer than 20000 characters');
    const realWork = f.getByLabelText('What real work is building it?');
    expect(errorOf(realWork)).toBe('This text is longer than 20000 characters');
  });

  test("a conflict's reload keeps what was typed, and the next try sends the new version", async () => {
    const server = fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: (_v, nth) => reviewAnswer(earlierPlan({ version: 14 + nth })),
      HoldQuarterlyReview: (_v, nth) =>
        nth === 1 ? { holdQuarterlyReview: { plan: null, checkIn: null, ...conflict() } } : held(),
    });
    await openReview();
    const user = userEvent.setup();
    const f = await form();

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Carry over to 2027-Q1' }));
    const list = goal(leadIncidents.title).getByLabelText('Key result it will serve') as HTMLSelectElement;
    await user.selectOptions(list, restoreIn20.id);
    const dropped = goal(writeReviews.title).getByRole('radio', { name: 'Close as dropped' });
    await user.click(dropped);
    const stillHard = f.getByLabelText('What is still hard?') as HTMLTextAreaElement;
    await user.type(stillHard, 'Calling in other teams');
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));
    await user.click(await f.findByRole('button', { name: 'Reload the plan' }));

    await waitFor(() => expect(server.of('QuarterlyReview')).toHaveLength(2));
    await waitFor(() => expect(f.queryByRole('button', { name: 'Reload the plan' })).toBeNull());
    expect(stillHard.value).toBe('Calling in other teams');
    expect((dropped as HTMLInputElement).checked).toBe(true);
    expect(list.value).toBe(restoreIn20.id);
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));

    await waitFor(() => expect(server.of('HoldQuarterlyReview')).toHaveLength(2));
    expect(server.of('HoldQuarterlyReview')[1].variables.input).toMatchObject({
      version: 16,
      stillHard: 'Calling in other teams',
      decisions: [
        { goalId: leadIncidents.id, decision: 'CARRY_OVER', keyResultId: restoreIn20.id },
        { goalId: writeReviews.id, decision: 'CLOSE_DROPPED' },
      ],
    });
    await waitFor(() => expect(window.location.hash).toBe(`#/people/${meiLinId}/plan/2027-Q1`));
  });

  test('a token refused while sending asks to sign in again and keeps what was typed', async () => {
    fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    const answered = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) =>
        /mutation HoldQuarterlyReview/.test(String(init.body))
          ? new Response('', { status: 401 })
          : answered(url, init),
      ),
    );
    const sessionEnded = vi.fn();
    await openReview({ ...grace, sessionEnded });
    const user = userEvent.setup();
    const f = await form();

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Close as achieved' }));
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as achieved' }));
    await user.type(f.getByLabelText('What support do you need?'), 'A workshop seat');
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));

    await waitFor(() => expect(sessionEnded).toHaveBeenCalled());
    const support = f.getByLabelText('What support do you need?') as HTMLTextAreaElement;
    expect(support.value).toBe('A workshop seat');
    expect(window.location.hash).toBe('');
  });
});

describe('held on', () => {
  test('a day before the review window opens, or ahead of today, is refused before sending', async () => {
    const server = fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    await openReview();
    const user = userEvent.setup();
    const f = await form();
    const heldOn = f.getByLabelText('Held on');
    expect(f.getByText(`The review into 2027-Q1 can be held from ${opensOn}.`)).toBeTruthy();

    await user.click(goal(leadIncidents.title).getByRole('radio', { name: 'Close as achieved' }));
    await user.click(goal(writeReviews.title).getByRole('radio', { name: 'Close as achieved' }));
    await user.clear(heldOn);
    await user.type(heldOn, daysFromToday(-5));
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));
    const early = `The review into 2027-Q1 can be held from ${opensOn}; pick that day or later.`;
    expect(await f.findByText(early)).toBeTruthy();
    expect(errorOf(heldOn)).toMatch(/pick that day or later/);

    await user.clear(heldOn);
    await user.type(heldOn, daysFromToday(3));
    await user.click(f.getByRole('button', { name: 'Hold the quarterly review' }));
    expect(await f.findByText(/pick today or an earlier day/)).toBeTruthy();
    expect(server.of('HoldQuarterlyReview')).toHaveLength(0);
  });
});

describe('finding the review', () => {
  const intoNext = { personId: meiLinId, from: '2026-Q4', into: '2027-Q1' };

  test("without a cycle named, the review goes from the current plan's cycle into the next", async () => {
    const server = fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    await openReview(grace, null);
    await form();

    expect(server.of('QuarterlyReview')[0].variables).toEqual(intoNext);
    expect(screen.getByText(/Closes the plan of 2026-Q4 and resets the plan for 2027-Q1/)).toBeTruthy();
  });

  test('a current plan that waits for its review is reviewed from the cycle before it', async () => {
    const waiting = currentPlan({
      id: laterPlanId,
      status: 'NEEDS_RESET',
      quarterlyReviewHeld: false,
      cycle: { id: 'Q3ljbGU6Mw', name: '2027-Q1', startsOn: cycles[2].startsOn },
    });
    const server = fakeServer({
      ReviewStart: () => startAnswer(waiting),
      QuarterlyReview: () => reviewAnswer(),
    });
    await openReview(grace, null);
    await form();

    expect(server.of('QuarterlyReview')[0].variables).toEqual(intoNext);
  });

  test('with no cycle after the current one, nothing waits and the check-in is offered', async () => {
    const server = fakeServer({ ReviewStart: () => startAnswer(currentPlan(), cycles.slice(0, 2)) });
    await openReview(grace, null);

    expect(screen.getByText(/no cycle after 2026-Q4 is open yet/)).toBeTruthy();
    const checkIn = screen.getByRole('link', { name: 'check-in' });
    expect(checkIn.getAttribute('href')).toBe(`#/people/${meiLinId}/check-in`);
    expect(server.of('QuarterlyReview')).toHaveLength(0);
  });

  test('a cycle that does not exist is named as such', async () => {
    fakeServer({ ReviewStart: () => startAnswer() });
    await openReview(grace, '2031-Q1');

    expect(screen.getByText(/There is no cycle named 2031-Q1/)).toBeTruthy();
  });

  test('a plan for the new cycle that is on track has had its review', async () => {
    fakeServer({
      ReviewStart: () => startAnswer(),
      QuarterlyReview: () =>
        reviewAnswer(earlierPlan(), laterPlan({ status: 'ON_TRACK', quarterlyReviewHeld: true })),
    });
    await openReview();

    const why = /does not wait for a quarterly review: it is on track, and its review is held/;
    expect(await screen.findByText(why)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the plan for 2027-Q1' }).getAttribute('href')).toBe(
      `#/people/${meiLinId}/plan/2027-Q1`,
    );
    expect(screen.queryByRole('form')).toBeNull();
  });

  test('no earlier plan to review is said so', async () => {
    fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer(null) });
    await openReview();

    expect(await screen.findByText(/No plan of 2026-Q4 to review/)).toBeTruthy();
  });

  test('HR reads why, but gets no form', async () => {
    fakeServer({ ReviewStart: () => startAnswer(), QuarterlyReview: () => reviewAnswer() });
    await openReview(kenji);

    expect(await screen.findByText(/The review is held by a manager above Mei-Lin Chen/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  test('loads, then a failed load says why and offers to try again', async () => {
    fakeServer({});
    renderAs(grace, <QuarterlyReviewView personId={meiLinId} cycle="2027-Q1" />);
    expect(screen.getByText('Loading the plans to review…')).toBeTruthy();

    expect((await screen.findByRole('alert')).textContent).toMatch(/no answer for ReviewStart/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
