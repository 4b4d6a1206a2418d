// The two-lane plan against a fake server: which goal goes in which lane,
// where the server's userErrors land, what a version conflict offers, and
// what each edit sends.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { fakeServer, conflict, grace, kenji, ok, refused, renderAs, tooLong } from './fake-server';
import { leadIncidents, meiLinId, plan, planViewAnswer, staffEngineer, writeReviews } from './fixtures';
import { todayISO } from './labels';
import { PlanView } from './PlanView';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openPlan(session = grace) {
  renderAs(session, <PlanView personId={meiLinId} />);
  await screen.findByRole('heading', { level: 1, name: 'Plan: Mei-Lin Chen' });
}

function lane(name: 'Execution' | 'Career') {
  return screen.getByRole('region', { name: new RegExp(`^${name}`) });
}

function goalCard(title: string) {
  return screen.getByRole('article', { name: title });
}

describe('lanes', () => {
  test('execution goals sit in the execution lane and career goals in the career lane', async () => {
    fakeServer({ PlanView: () => planViewAnswer() });
    await openPlan();

    const execution = lane('Execution');
    const career = lane('Career');
    const titles = (region: HTMLElement) =>
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent);
    expect(titles(execution)).toEqual([leadIncidents.title, writeReviews.title]);
    expect(titles(career)).toEqual([staffEngineer.title]);
    expect(within(career).getByText('2028-Q2')).toBeTruthy();
  });

  test('an execution goal shows its key result, gap, evidence and actions by kind', async () => {
    fakeServer({ PlanView: () => planViewAnswer() });
    await openPlan();

    const card = goalCard(leadIncidents.title);
    expect(within(card).getByRole('link', { name: leadIncidents.keyResult!.title })).toBeTruthy();
    expect(within(card).getByText('72%')).toBeTruthy();
    expect(within(card).getByText('start 95 → now 48 → target 30 minutes')).toBeTruthy();
    expect(within(card).getByText('critical')).toBeTruthy();
    expect(within(card).getByText(/Incident handling, target level 4/)).toBeTruthy();
    const gap = within(card).getByRole('region', { name: 'Capability gap' });
    expect(gap.textContent).toMatch(/Required 4.*Current 3.*Gap 1/);
    expect(within(gap).getByText(/payout-queue incident/)).toBeTruthy();
    const education = within(card).getByRole('region', { name: 'Education actions' });
    expect(within(education).getByText('Incident command workshop (two days)')).toBeTruthy();
    expect(within(education).getByText('overdue')).toBeTruthy();
    expect(within(card).getByRole('region', { name: 'Experience actions' })).toBeTruthy();
    expect(within(card).queryByRole('region', { name: 'Exposure actions' })).toBeNull();
  });

  test('warnings show the rule in words and its message, tied to their goal, without the raw code', async () => {
    const warning = {
      code: 'NO_SUPPORTER' as const,
      message: 'No action of this goal has a supporter.',
      goal: { id: writeReviews.id, title: writeReviews.title },
    };
    fakeServer({ PlanView: () => planViewAnswer(plan({ warnings: [warning] })) });
    await openPlan();

    const header = screen.getByRole('region', { name: 'Warnings' });
    expect(header.textContent).toContain('No supporter: No action of this goal has a supporter.');
    expect(header.textContent).not.toContain('NO_SUPPORTER');
    expect(header.textContent).toContain(`goal: ${writeReviews.title}`);
    expect(goalCard(writeReviews.title).textContent).not.toContain('NO_SUPPORTER');
    expect(within(goalCard(writeReviews.title)).getByText(warning.message)).toBeTruthy();
    expect(within(goalCard(leadIncidents.title)).queryByText(warning.message)).toBeNull();
  });

  test('HR reads the plan without edit controls', async () => {
    fakeServer({ PlanView: () => planViewAnswer() });
    await openPlan(kenji);

    const edits = /Add an action|Change status|Add a goal|Mark done|Reopen/;
    expect(screen.queryByRole('button', { name: edits })).toBeNull();
  });
});

describe('edits', () => {
  test('completing an action sends doneOn today, the outcome and the version, then reloads', async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      UpdateAction: () => ({
        updateDevelopmentAction: ok({ action: { id: 'x', doneOn: todayISO(), outcome: 'Went well' } }),
      }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Mark done: Incident command workshop (two days)' }));
    await user.type(screen.getByLabelText('Outcome (optional)'), 'Went well');
    await user.click(screen.getByRole('button', { name: /^Done today/ }));

    await waitFor(() => expect(server.of('PlanView')).toHaveLength(2));
    expect(server.of('UpdateAction')[0].variables).toEqual({
      input: { id: 'RGV2ZWxvcG1lbnRBY3Rpb246Mw', version: 15, doneOn: todayISO(), outcome: 'Went well' },
    });
  });

  test('reopening a done action sends reopen with the version', async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      UpdateAction: () => ({ updateDevelopmentAction: ok({ action: { id: 'x', doneOn: null, outcome: '' } }) }),
    });
    await openPlan();

    const reopen = screen.getByRole('button', { name: 'Reopen: Be incident lead for the next two P1 incidents' });
    await userEvent.click(reopen);

    await waitFor(() => expect(server.of('UpdateAction')).toHaveLength(1));
    expect(server.of('UpdateAction')[0].variables).toEqual({
      input: { id: 'RGV2ZWxvcG1lbnRBY3Rpb246MQ', version: 15, reopen: true },
    });
  });

  test("the server's reason error shows next to the reason, and the status stays", async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      SetPlanStatus: () => ({
        setPlanStatus: refused('reason', 'a plan that is BLOCKED needs a reason a manager can act on'),
      }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Change status' }));
    await user.selectOptions(screen.getByLabelText('Status'), 'BLOCKED');
    await user.click(screen.getByRole('button', { name: 'Save the status' }));

    const reason = screen.getByLabelText(/^Reason/);
    const error = await screen.findByText('a plan that is BLOCKED needs a reason a manager can act on');
    expect(reason.getAttribute('aria-describedby')).toBe(error.id);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(server.of('SetPlanStatus')[0].variables).toEqual({
      input: { planId: plan().id, version: 15, status: 'BLOCKED' },
    });
    expect(server.of('PlanView')).toHaveLength(1);
  });

  test('adding an action sends its fields, and a supporter error shows beside the supporter', async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      AddAction: () => ({ addDevelopmentAction: refused('supporterId', 'a supporter role needs a supporter') }),
    });
    await openPlan();
    const user = userEvent.setup();
    const card = goalCard(writeReviews.title);

    await user.click(within(card).getByRole('button', { name: `Add an action to “${writeReviews.title}”` }));
    const form = within(card).getByRole('form', { name: `Add an action to “${writeReviews.title}”` });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'EXPOSURE');
    await user.type(within(form).getByLabelText('What to do'), 'Pair with Yusuf on a review');
    await user.selectOptions(within(form).getByLabelText("Supporter's role"), 'MENTOR');
    await user.type(within(form).getByLabelText('Due on'), '2026-12-20');
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));

    const error = await within(form).findByText('a supporter role needs a supporter');
    expect(within(form).getByLabelText('Supporter').getAttribute('aria-describedby')).toBe(error.id);
    expect(server.of('AddAction')[0].variables).toEqual({
      input: {
        goalId: writeReviews.id,
        version: 15,
        kind: 'EXPOSURE',
        title: 'Pair with Yusuf on a review',
        supporterRole: 'MENTOR',
        dueOn: '2026-12-20',
      },
    });
  });

  test('the supporter list offers the manager and colleagues, and people found by search', async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      SupporterSearch: () => ({
        people: { nodes: [{ id: 'UGVyc29uOjc', name: 'Yusuf Demir', title: 'Staff engineer' }] },
      }),
      AddAction: () => ({ addDevelopmentAction: ok({ action: { id: 'new' } }) }),
    });
    await openPlan();
    const user = userEvent.setup();
    const card = goalCard(writeReviews.title);
    await user.click(within(card).getByRole('button', { name: /Add an action/ }));
    const supporter = within(card).getByLabelText('Supporter') as HTMLSelectElement;
    const names = () => [...supporter.options].map((o) => o.textContent);
    expect(names()).toEqual(expect.arrayContaining(['Grace Mwangi (manager)', 'Oleksandr Petrenko (colleague)']));
    expect(names().some((n) => n?.startsWith('Mei-Lin'))).toBe(false);

    await user.type(within(card).getByLabelText('Find someone else'), 'yus');
    await waitFor(() => expect(names()).toContain('Yusuf Demir (Staff engineer)'));
    expect(server.of('SupporterSearch')[0].variables).toEqual({ search: 'yus' });
    await user.selectOptions(supporter, 'UGVyc29uOjc');
    await user.type(within(card).getByLabelText('What to do'), 'Review my write-ups');
    await user.click(within(card).getByRole('button', { name: 'Add the action' }));

    await waitFor(() => expect(server.of('PlanView')).toHaveLength(2));
    expect(server.of('AddAction')[0].variables.input).toMatchObject({ supporterId: 'UGVyc29uOjc', kind: 'EXPERIENCE' });
  });

  test('a version conflict offers to reload, and reloading fetches the plan again', async () => {
    const server = fakeServer({
      PlanView: (_v, nth) =>
        planViewAnswer(nth === 1 ? plan() : plan({ version: 16, status: 'BLOCKED', statusReason: 'No incidents to lead' })),
      UpdateAction: () => ({ updateDevelopmentAction: conflict() }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Mark done: Incident command workshop (two days)' }));
    await user.click(screen.getByRole('button', { name: /^Done today/ }));
    await user.click(await screen.findByRole('button', { name: 'Reload the plan' }));

    await screen.findByText('No incidents to lead');
    expect(server.of('PlanView')).toHaveLength(2);
    expect(screen.getByText(/version 16/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reload the plan' })).toBeNull();
  });

  test('adding a career goal sends the lane, title, change in work and horizon', async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      GoalOptions: () => ({
        keyResults: {
          nodes: [
            {
              id: 'S2V5UmVzdWx0OjI0',
              title: 'Bring mean time to restore',
              critical: true,
              objective: { id: 'o', title: 'Reliable' },
            },
          ],
        },
        capabilities: {
          nodes: [
            {
              id: 'Q2FwYWJpbGl0eToz',
              name: 'Incident handling',
              levels: [
                { level: 1, name: 'Learning' },
                { level: 2, name: 'Developing' },
              ],
            },
          ],
        },
      }),
      AddGoal: () => ({ addDevelopmentGoal: ok({ goal: { id: 'new' } }) }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Add a goal' }));
    const form = screen.getByRole('form', { name: 'Add a goal' });
    await user.click(within(form).getByRole('radio', { name: /Career/ }));
    await user.type(within(form).getByLabelText('Goal'), 'Run the reliability guild');
    await user.type(within(form).getByLabelText('What will change in the work'), 'Teams ask me first');
    await user.selectOptions(await within(form).findByLabelText('Capability it builds'), 'Q2FwYWJpbGl0eToz');
    await user.selectOptions(within(form).getByLabelText('Target level'), '2');
    await user.type(within(form).getByLabelText('Horizon'), '2028-Q4');
    await user.click(within(form).getByRole('button', { name: 'Add the goal' }));

    await waitFor(() => expect(server.of('PlanView')).toHaveLength(2));
    expect(server.of('GoalOptions')[0].variables).toEqual({ cycle: '2026-Q4' });
    expect(server.of('AddGoal')[0].variables).toEqual({
      input: {
        planId: plan().id,
        version: 15,
        lane: 'CAREER',
        title: 'Run the reliability guild',
        changeInWork: 'Teams ask me first',
        capabilityId: 'Q2FwYWJpbGl0eToz',
        targetLevel: 2,
        horizon: '2028-Q4',
      },
    });
  });

  test('a lane rule broken by a new execution goal shows beside the lane', async () => {
    fakeServer({
      PlanView: () => planViewAnswer(),
      GoalOptions: () => ({ keyResults: { nodes: [] }, capabilities: { nodes: [] } }),
      AddGoal: () => ({ addDevelopmentGoal: refused('lane', 'a plan holds at most 2 execution goals') }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Add a goal' }));
    await user.type(screen.getByLabelText('Goal'), 'A third goal');
    await user.click(screen.getByRole('button', { name: 'Add the goal' }));

    const error = await screen.findByText('a plan holds at most 2 execution goals');
    expect(error.id).toBe('add-goal-lane-error');
  });

  test('a goal needs a title before anything is sent', async () => {
    const server = fakeServer({
      PlanView: () => planViewAnswer(),
      GoalOptions: () => ({ keyResults: { nodes: [] }, capabilities: { nodes: [] } }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Add a goal' }));
    await user.click(screen.getByRole('button', { name: 'Add the goal' }));

    expect(await screen.findByText('Name the one narrow thing to develop.')).toBeTruthy();
    expect(server.of('AddGoal')).toHaveLength(0);
  });
});

describe('forms in place', () => {
  test('reloading from one conflict notice clears the notice of another open form', async () => {
    fakeServer({
      PlanView: (_v, nth) => planViewAnswer(plan({ version: 14 + nth })),
      SetPlanStatus: () => ({ setPlanStatus: conflict() }),
      UpdateAction: () => ({ updateDevelopmentAction: conflict() }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Change status' }));
    await user.click(screen.getByRole('button', { name: 'Save the status' }));
    await user.click(screen.getByRole('button', { name: 'Mark done: Incident command workshop (two days)' }));
    await user.click(screen.getByRole('button', { name: /^Done today/ }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Reload the plan' })).toHaveLength(2));

    await user.click(screen.getAllByRole('button', { name: 'Reload the plan' })[0]);

    await screen.findByText(/version 16/);
    expect(screen.queryByRole('button', { name: 'Reload the plan' })).toBeNull();
    expect(screen.getByRole('form', { name: /Mark done/ })).toBeTruthy();
  });

  test('after saving the status, focus returns to Change status', async () => {
    fakeServer({
      PlanView: () => planViewAnswer(),
      SetPlanStatus: () => ({
        setPlanStatus: ok({ plan: { id: plan().id, status: 'COMPLETED', statusReason: '', version: 16 } }),
      }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Change status' }));
    await user.selectOptions(screen.getByLabelText('Status'), 'COMPLETED');
    await user.click(screen.getByRole('button', { name: 'Save the status' }));

    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change status' })));
  });

  test('after marking an action done, focus rests on that action', async () => {
    const done = plan({
      version: 16,
      executionGoals: [
        {
          ...leadIncidents,
          actions: leadIncidents.actions.map((a, i) => (i === 1 ? { ...a, doneOn: todayISO(), overdue: false } : a)),
        },
        writeReviews,
      ],
    });
    fakeServer({
      PlanView: (_v, nth) => planViewAnswer(nth === 1 ? plan() : done),
      UpdateAction: () => ({ updateDevelopmentAction: ok({ action: { id: 'x', doneOn: todayISO(), outcome: '' } }) }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Mark done: Incident command workshop (two days)' }));
    await user.click(screen.getByRole('button', { name: /^Done today/ }));

    await screen.findByRole('button', { name: 'Reopen: Incident command workshop (two days)' });
    const item = screen.getByText('Incident command workshop (two days)').closest('li');
    expect(document.activeElement).toBe(item);
  });

  test('Escape closes a form in place, and focus returns to the button that opened it', async () => {
    fakeServer({ PlanView: () => planViewAnswer() });
    await openPlan();
    const user = userEvent.setup();
    const card = goalCard(writeReviews.title);
    const opener = within(card).getByRole('button', { name: `Add an action to “${writeReviews.title}”` });

    await user.click(opener);
    await user.type(within(card).getByLabelText('What to do'), 'Pair on a review');
    await user.keyboard('{Escape}');

    expect(within(card).queryByRole('form')).toBeNull();
    const again = within(card).getByRole('button', { name: `Add an action to “${writeReviews.title}”` });
    expect(document.activeElement).toBe(again);
  });

  test('after adding an action, focus returns to Add an action', async () => {
    fakeServer({
      PlanView: () => planViewAnswer(),
      AddAction: () => ({ addDevelopmentAction: ok({ action: { id: 'new' } }) }),
    });
    await openPlan();
    const user = userEvent.setup();
    const card = goalCard(writeReviews.title);

    await user.click(within(card).getByRole('button', { name: /Add an action/ }));
    await user.type(within(card).getByLabelText('What to do'), 'Pair on a review');
    await user.click(within(card).getByRole('button', { name: 'Add the action' }));

    await waitFor(() =>
      expect(document.activeElement).toBe(within(card).getByRole('button', { name: /Add an action/ })),
    );
  });

  test('a title the server finds too long shows beside the title, and goes once the title is edited', async () => {
    fakeServer({ PlanView: () => planViewAnswer(), AddAction: () => tooLong('title', 500) });
    await openPlan();
    const user = userEvent.setup();
    const card = goalCard(writeReviews.title);

    await user.click(within(card).getByRole('button', { name: /Add an action/ }));
    const title = within(card).getByLabelText('What to do');
    await user.type(title, 'A very long title');
    await user.click(within(card).getByRole('button', { name: 'Add the action' }));

    const error = await within(card).findByText('This text is longer than 500 characters');
    expect(title.getAttribute('aria-describedby')).toBe(error.id);
    await user.type(title, '!');
    expect(within(card).queryByText(/longer than 500/)).toBeNull();
  });

  test("the goal form lists the cycle's key results under their objective and its team", async () => {
    const reliable = { id: 'o1', title: 'Reliable', team: { id: 't', name: 'Platform' } };
    fakeServer({
      PlanView: () => planViewAnswer(),
      GoalOptions: () => ({
        keyResults: {
          nodes: [
            { id: 'k1', title: 'Restore in 30 minutes', critical: true, objective: reliable },
            { id: 'k2', title: 'Ship the new app', critical: false, objective: { id: 'o2', title: 'Mobile first', team: null } },
            { id: 'k3', title: 'No P1 twice', critical: false, objective: reliable },
          ],
        },
        capabilities: { nodes: [] },
      }),
    });
    await openPlan();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Add a goal' }));
    const select = await screen.findByLabelText(/Key result it serves/);
    await screen.findByRole('option', { name: 'No P1 twice' });
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.textContent),
    ]);
    expect(groups).toEqual([
      ['Reliable (Platform)', ['Restore in 30 minutes (critical)', 'No P1 twice']],
      ['Mobile first', ['Ship the new app']],
    ]);
  });
});

describe('no plan', () => {
  const today = todayISO();
  const cycles = () => ({ cycles: { nodes: [{ id: 'c', name: 'NOW', startsOn: today, endsOn: today }] } });
  /** Mei-Lin's line: Grace, then Rafael above her (or someone else in Grace's place). */
  const line = (managerId = grace.personId) => () => ({
    node: { __typename: 'Person', id: meiLinId, manager: { id: managerId, manager: { id: 'UGVyc29uOjI', manager: null } } },
  });

  test('a manager above the person may create the plan for the cycle that holds today', async () => {
    const server = fakeServer({
      PlanView: (_v, nth) => planViewAnswer(nth === 1 ? null : plan()),
      PlanCycles: cycles,
      ManagerLine: line(),
      CreatePlan: () => ({ createDevelopmentPlan: ok({ plan: { id: 'p' } }) }),
    });
    renderAs(grace, <PlanView personId={meiLinId} />);

    expect(await screen.findByText('Mei-Lin Chen has no development plan for NOW.')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Create a plan for NOW' }));

    await screen.findByRole('region', { name: /^Execution/ });
    expect(server.of('CreatePlan')[0].variables).toEqual({ input: { personId: meiLinId, cycle: 'NOW' } });
    expect(server.of('ManagerLine')[0].variables).toEqual({ personId: meiLinId });
  });

  test("a manager outside the person's line is told no plan is visible, and gets no create button", async () => {
    fakeServer({ PlanView: () => planViewAnswer(null), PlanCycles: cycles, ManagerLine: line('UGVyc29uOjE5') });
    renderAs(grace, <PlanView personId={meiLinId} />);

    expect(await screen.findByText(/No plan you can see for NOW/)).toBeTruthy();
    expect(screen.queryByText(/has no development plan/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Create a plan/ })).toBeNull();
  });

  test('HR sees the empty state without a create button', async () => {
    const server = fakeServer({ PlanView: () => planViewAnswer(null), PlanCycles: cycles });
    renderAs(kenji, <PlanView personId={meiLinId} />);

    expect(await screen.findByText('Mei-Lin Chen has no development plan for NOW.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Create a plan/ })).toBeNull();
    expect(server.of('ManagerLine')).toHaveLength(0);
  });

  test('a failed load says why and offers to try again', async () => {
    fakeServer({});
    renderAs(grace, <PlanView personId={meiLinId} />);

    expect((await screen.findByRole('alert')).textContent).toMatch(/no answer for PlanView/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
