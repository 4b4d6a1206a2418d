// The check-in form and history against a fake server: what the form
// checks before sending, what it sends, where the server's errors land,
// and how the history pages and shows private notes.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { conflict, fakeServer, grace, kenji, ok, refused, renderAs } from '../plan/fake-server';
import { meiLinId } from '../plan/fixtures';
import { todayISO } from '../plan/labels';
import type { CheckInEntryFragment, CheckInPageFragment, CheckInViewQuery } from './CheckIn.generated';
import { CheckInView } from './CheckInView';

afterEach(() => {
  vi.unstubAllGlobals();
});

const planId = 'RGV2ZWxvcG1lbnRQbGFuOjE';

function entry(over: Partial<CheckInEntryFragment> & { id: string }): CheckInEntryFragment {
  return {
    kind: 'MONTHLY',
    heldOn: '2026-11-22',
    author: { id: 'UGVyc29uOjg', name: 'Grace Mwangi' },
    capabilityBuilding: 'Incident command.',
    realWork: 'The geocoder incident.',
    stillHard: '',
    supportNeeded: '',
    outputImproved: '',
    observedChange: 'CLEAR_IMPROVEMENT',
    statusAfter: 'ON_TRACK',
    statusReason: '',
    note: 'Shared words.',
    notePrivate: false,
    ...over,
  };
}

function page(nodes: CheckInEntryFragment[], hasNextPage = false, totalCount = nodes.length): CheckInPageFragment {
  return { totalCount, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'Y3Vyc29yOjU' : null }, nodes };
}

type Plan = NonNullable<Extract<NonNullable<CheckInViewQuery['node']>, { __typename: 'Person' }>['plan']>;

function answer(checkIns = page([entry({ id: 'c1' })]), version = 15, over: Partial<Plan> = {}): CheckInViewQuery {
  return {
    reviewRhythm: { reviewWindowDays: 21, reviewLeadDays: 14 },
    node: {
      __typename: 'Person',
      id: meiLinId,
      name: 'Mei-Lin Chen',
      plan: {
        id: planId,
        version,
        status: 'ON_TRACK',
        statusReason: '',
        cycle: { id: 'Q3ljbGU6Mg', name: '2026-Q4' },
        nextCheckInDue: '2026-12-23',
        checkInOverdue: false,
        quarterlyReviewDue: '2026-10-22',
        quarterlyReviewHeld: true,
        quarterlyReviewOverdue: false,
        checkIns,
        ...over,
      },
    },
  };
}

async function openCheckIn(session = grace) {
  renderAs(session, <CheckInView personId={meiLinId} />);
  await screen.findByRole('heading', { level: 1, name: 'Check-in: Mei-Lin Chen' });
}

function form() {
  return screen.getByRole('form', { name: /Record a check-in/ });
}

describe('recording', () => {
  test('a complete monthly check-in sends every answer, the version and a private note', async () => {
    const server = fakeServer({
      CheckInView: (_v, nth) => answer(page([entry({ id: nth === 1 ? 'c1' : 'c2' })]), 15 + nth - 1),
      RecordCheckIn: () => ({ recordCheckIn: ok({ checkIn: { id: 'c2' } }) }),
    });
    await openCheckIn();
    const user = userEvent.setup();
    const f = within(form());

    expect((f.getByLabelText('Held on') as HTMLInputElement).value).toBe(todayISO());
    await user.type(f.getByLabelText('What capability are you building?'), 'Incident command');
    await user.type(f.getByLabelText('What real work is building it?'), 'The queue outage');
    await user.type(f.getByLabelText('What is still hard?'), 'Calling in other teams');
    await user.type(f.getByLabelText('What support do you need?'), 'A workshop seat');
    await user.type(f.getByLabelText('What has improved in your output?'), 'Faster restores');
    await user.click(f.getByRole('radio', { name: 'Some improvement' }));
    await user.selectOptions(f.getByLabelText('Plan status after the check-in'), 'BLOCKED');
    await user.type(f.getByLabelText('Why is the plan blocked?'), 'No incidents to lead');
    await user.type(f.getByLabelText('Note'), 'Talk to Rafael');
    await user.click(f.getByRole('radio', { name: /Private: only you/ }));
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));

    await screen.findByText(`Check-in of ${todayISO()} recorded.`);
    expect(server.of('RecordCheckIn')[0].variables).toEqual({
      input: {
        planId,
        version: 15,
        kind: 'MONTHLY',
        heldOn: todayISO(),
        capabilityBuilding: 'Incident command',
        realWork: 'The queue outage',
        stillHard: 'Calling in other teams',
        supportNeeded: 'A workshop seat',
        outputImproved: 'Faster restores',
        observedChange: 'SOME_IMPROVEMENT',
        statusAfter: 'BLOCKED',
        statusReason: 'No incidents to lead',
        note: 'Talk to Rafael',
        notePrivate: true,
      },
    });
    await waitFor(() => expect(server.of('CheckInView')).toHaveLength(2));
    expect((f.getByLabelText('What is still hard?') as HTMLTextAreaElement).value).toBe('');
  });

  test('a blocked status needs a reason and a future day is refused, before anything is sent', async () => {
    const server = fakeServer({ CheckInView: () => answer() });
    await openCheckIn();
    const user = userEvent.setup();
    const f = within(form());

    await user.selectOptions(f.getByLabelText('Plan status after the check-in'), 'NEEDS_RESET');
    const heldOn = f.getByLabelText('Held on');
    await user.clear(heldOn);
    await user.type(heldOn, '2999-01-01');
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));

    const reasonError = await f.findByText('Say why, so that the next person can act on it.');
    expect(f.getByLabelText('Why does the plan need a reset?').getAttribute('aria-describedby')).toBe(reasonError.id);
    expect(f.getByText(/pick today or an earlier day/)).toBeTruthy();
    expect(server.of('RecordCheckIn')).toHaveLength(0);
  });

  test("the server's error on the day shows beside Held on", async () => {
    fakeServer({
      CheckInView: () => answer(),
      RecordCheckIn: () => ({
        recordCheckIn: refused(
          'heldOn',
          'a check-in is recorded within a year of being held; 2025-01-01 is too long ago',
        ),
      }),
    });
    await openCheckIn();
    const user = userEvent.setup();

    await user.type(within(form()).getByLabelText('What real work is building it?'), 'The queue outage');
    await user.click(within(form()).getByRole('button', { name: 'Record the check-in' }));

    const error = await screen.findByText(/is too long ago/);
    expect(within(form()).getByLabelText('Held on').getAttribute('aria-describedby')).toBe(error.id);
  });

  test('a version conflict offers to reload, which fetches the plan and its history again', async () => {
    const server = fakeServer({
      CheckInView: (_v, nth) => answer(page([entry({ id: `c${nth}`, realWork: `Answer of round ${nth}` })]), 14 + nth),
      RecordCheckIn: () => ({ recordCheckIn: conflict() }),
    });
    await openCheckIn();
    const user = userEvent.setup();

    await user.type(within(form()).getByLabelText('Note'), 'Talked it through');
    await user.click(within(form()).getByRole('button', { name: 'Record the check-in' }));
    await user.click(await screen.findByRole('button', { name: 'Reload the plan' }));

    await screen.findByText('Answer of round 2');
    expect(server.of('CheckInView')).toHaveLength(2);
    await user.click(within(form()).getByRole('button', { name: 'Record the check-in' }));
    await waitFor(() => expect(server.of('RecordCheckIn')).toHaveLength(2));
    expect(server.of('RecordCheckIn')[1].variables.input).toMatchObject({ version: 16 });
  });

  test("after a conflict and a reload, the form offers the plan's new status and keeps the answers", async () => {
    const server = fakeServer({
      CheckInView: (_v, nth) =>
        nth === 1
          ? answer(page([entry({ id: 'c1' })]), 15)
          : answer(page([entry({ id: 'c1' })]), 16, { status: 'BLOCKED', statusReason: 'No incidents to lead' }),
      RecordCheckIn: (_v, nth) => ({ recordCheckIn: nth === 1 ? conflict() : ok({ checkIn: { id: 'c2' } }) }),
    });
    await openCheckIn();
    const user = userEvent.setup();
    const f = within(form());
    const status = f.getByLabelText('Plan status after the check-in') as HTMLSelectElement;
    expect(status.value).toBe('ON_TRACK');

    await user.type(f.getByLabelText('What is still hard?'), 'Calling in other teams');
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));
    await user.click(await screen.findByRole('button', { name: 'Reload the plan' }));

    await waitFor(() => expect(status.value).toBe('BLOCKED'));
    expect((f.getByLabelText('Why is the plan blocked?') as HTMLTextAreaElement).value).toBe('No incidents to lead');
    expect((f.getByLabelText('What is still hard?') as HTMLTextAreaElement).value).toBe('Calling in other teams');
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));
    await waitFor(() => expect(server.of('RecordCheckIn')).toHaveLength(2));
    expect(server.of('RecordCheckIn')[1].variables.input).toMatchObject({
      version: 16,
      statusAfter: 'BLOCKED',
      statusReason: 'No incidents to lead',
      stillHard: 'Calling in other teams',
    });
  });

  test('a check-in with no answer and no note is refused beside the prompts, before anything is sent', async () => {
    const server = fakeServer({ CheckInView: () => answer() });
    await openCheckIn();
    const user = userEvent.setup();
    const f = within(form());

    await user.type(f.getByLabelText('What is still hard?'), '   ');
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));

    const error = await f.findByText(/Answer at least one prompt/);
    expect(f.getByLabelText('What capability are you building?').getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(f.getByLabelText('What capability are you building?'));
    expect(server.of('RecordCheckIn')).toHaveLength(0);
    await user.type(f.getByLabelText('What capability are you building?'), 'Incident command');
    expect(f.queryByText(/Answer at least one prompt/)).toBeNull();
  });

  test('the kind starts as the quarterly review while the review is due and not held', async () => {
    const inTenDays = new Date();
    inTenDays.setDate(inTenDays.getDate() + 10);
    fakeServer({
      CheckInView: () =>
        answer(undefined, 15, { quarterlyReviewHeld: false, quarterlyReviewDue: inTenDays.toISOString().slice(0, 10) }),
    });
    await openCheckIn();

    expect((within(form()).getByRole('radio', { name: 'Quarterly review' }) as HTMLInputElement).checked).toBe(true);
  });

  test('the kind starts as the quarterly review when the review is overdue, and monthly once held', async () => {
    fakeServer({
      CheckInView: (_v, nth) =>
        answer(undefined, 14 + nth, { quarterlyReviewHeld: nth > 1, quarterlyReviewOverdue: nth === 1 }),
      RecordCheckIn: () => ({ recordCheckIn: ok({ checkIn: { id: 'c2' } }) }),
    });
    await openCheckIn();
    const user = userEvent.setup();
    const f = within(form());
    expect((f.getByRole('radio', { name: 'Quarterly review' }) as HTMLInputElement).checked).toBe(true);

    await user.type(f.getByLabelText('What has improved in your output?'), 'Faster restores');
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));

    await screen.findByText(/recorded\./);
    await waitFor(() => expect((f.getByRole('radio', { name: 'Monthly check-in' }) as HTMLInputElement).checked).toBe(true));
  });

  test("a text the server finds too long shows beside its field, and goes once the text is edited", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { query: string };
        if (/query CheckInView/.test(body.query)) return Response.json({ data: answer() });
        return Response.json({
          errors: [
            {
              message: 'realWork is longer than 20000 characters',
              path: ['recordCheckIn'],
              extensions: { code: 'INVALID', field: 'realWork' },
            },
          ],
          data: null,
        });
      }),
    );
    await openCheckIn();
    const user = userEvent.setup();
    const f = within(form());
    const realWork = f.getByLabelText('What real work is building it?');

    await user.type(realWork, 'Far too much');
    await user.click(f.getByRole('button', { name: 'Record the check-in' }));

    const error = await f.findByText('This text is longer than 20000 characters');
    expect(realWork.getAttribute('aria-describedby')).toContain(error.id);
    expect(realWork.getAttribute('aria-invalid')).toBe('true');
    expect(f.queryByRole('button', { name: 'Reload the plan' })).toBeNull();
    await user.type(realWork, '!');
    expect(f.queryByText('This text is longer than 20000 characters')).toBeNull();
  });

  test('HR reads the history but gets no form', async () => {
    fakeServer({ CheckInView: () => answer() });
    await openCheckIn(kenji);

    expect(screen.queryByRole('form', { name: /Record a check-in/ })).toBeNull();
    expect(screen.getByText(/recorded by a manager above Mei-Lin Chen/)).toBeTruthy();
  });
});

describe('history', () => {
  test("shows each check-in's kind, day, author, answers, change and status, newest first", async () => {
    fakeServer({
      CheckInView: () =>
        answer(
          page([
            entry({ id: 'c2', heldOn: '2026-11-22', statusAfter: 'BLOCKED', statusReason: 'Waiting for the workshop' }),
            entry({ id: 'c1', kind: 'QUARTERLY', heldOn: '2026-10-08', observedChange: null }),
          ]),
        ),
    });
    await openCheckIn();

    const items = within(screen.getByRole('region', { name: /History/ })).getAllByRole('article');
    expect(items.map((i) => i.querySelector('h3')?.textContent)).toEqual([
      'Monthly check-in · 2026-11-22',
      'Quarterly review · 2026-10-08',
    ]);
    expect(items[0].textContent).toContain('by Grace Mwangi');
    expect(within(items[0]).getByText('What capability are you building?')).toBeTruthy();
    expect(within(items[0]).queryByText('What is still hard?')).toBeNull();
    expect(items[0].textContent).toContain('Clear improvement');
    expect(items[0].textContent).toContain('Waiting for the workshop');
    expect(items[1].textContent).toContain('Observed change: not recorded');
  });

  test("another author's private note shows as a marker; one's own is readable and marked private", async () => {
    fakeServer({
      CheckInView: () =>
        answer(
          page([
            entry({ id: 'c2', note: null, notePrivate: true }),
            entry({ id: 'c1', note: 'Only Grace reads this', notePrivate: true }),
            entry({ id: 'c0', note: 'Everyone reads this', notePrivate: false }),
          ]),
        ),
    });
    await openCheckIn();

    const items = within(screen.getByRole('region', { name: /History/ })).getAllByRole('article');
    expect(items[0].textContent).toContain('Private note: only its author can read it.');
    expect(items[1].textContent).toContain('Private note (only you can read it): Only Grace reads this');
    expect(items[2].textContent).toContain('Note: Everyone reads this');
    expect(items[2].textContent).not.toContain('Private');
  });

  test('More loads the next page after the last cursor and appends it', async () => {
    const server = fakeServer({
      CheckInView: () => answer(page([entry({ id: 'c9', heldOn: '2026-11-30' })], true, 2)),
      MoreCheckIns: () => ({
        node: {
          __typename: 'DevelopmentPlan',
          id: planId,
          checkIns: page([entry({ id: 'c1', heldOn: '2026-07-01' })], false, 2),
        },
      }),
    });
    await openCheckIn();

    await userEvent.click(screen.getByRole('button', { name: 'More' }));

    await screen.findByRole('heading', { name: 'Monthly check-in · 2026-07-01' });
    expect(server.of('MoreCheckIns')[0].variables).toEqual({ planId, first: 5, after: 'Y3Vyc29yOjU' });
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });

  test('a person without a readable plan gets the empty state', async () => {
    fakeServer({ CheckInView: () => ({ node: { ...answer().node!, plan: null } }) as CheckInViewQuery });
    await openCheckIn();

    expect(screen.getByText(/No plan to check in on/)).toBeTruthy();
  });
});
