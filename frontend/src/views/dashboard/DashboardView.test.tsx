import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import type { Role } from '../../api/schema';
import { type Session, SessionContext } from '../../api/session';
import { DashboardView } from './DashboardView';
import { childrenOf, pathTo } from './team-tree';

// Teams as the demo has them, in part: Executive above Product &
// Engineering above Platform and Payments.
const teams = [
  { id: 'T1', name: 'Executive', parent: null },
  { id: 'T2', name: 'Product & Engineering', parent: { id: 'T1' } },
  { id: 'T3', name: 'Platform', parent: { id: 'T2' } },
  { id: 'T4', name: 'Payments', parent: { id: 'T2' } },
];

function dashboard(teamId?: string, cycle = '2026-Q4') {
  const rows = [
    { team: { id: 'T3', name: 'Platform' }, onTrack: 6, blocked: 0, completed: 0, needsReset: 0 },
    { team: { id: 'T4', name: 'Payments' }, onTrack: 5, blocked: 2, completed: 1, needsReset: 1 },
  ];
  return {
    dashboard: {
      cycle: { id: `C-${cycle}`, name: cycle },
      team: teamId ? { id: teamId, name: teams.find((t) => t.id === teamId)!.name } : null,
      criticalCoverage: {
        total: 13,
        covered: 8,
        share: 8 / 13,
        uncovered: {
          totalCount: 5,
          nodes: [
            {
              id: 'S2V5UmVzdWx0OjI5',
              title: 'Pass the PCI DSS self-assessment',
              owner: { id: 'P1', name: 'Leila Ahmadi' },
              objective: { id: 'O1', title: 'Make payouts instant and trustworthy' },
            },
          ],
        },
      },
      planStatusByTeam: teamId === 'T3' ? rows.slice(0, 1) : rows,
      milestoneAttainment: { due: 40, doneOnTime: 26, share: 0.65 },
      observedChange: {
        distribution: [
          { change: 'DECLINED', count: 2 },
          { change: 'NO_CHANGE', count: 4 },
          { change: 'SOME_IMPROVEMENT', count: 9 },
          { change: 'CLEAR_IMPROVEMENT', count: 13 },
        ],
        mean: 1.1785714285714286,
      },
      cadence: {
        activePlans: 28,
        checkInsOnTime: 25,
        checkInShare: 25 / 28,
        reviewsDue: 28,
        reviewsHeld: 24,
        reviewShare: 24 / 28,
      },
      warningCounts: [
        { code: 'NO_SUPPORTER', plans: 1 },
        { code: 'QUARTERLY_REVIEW_OVERDUE', plans: 4 },
      ],
    },
  };
}

interface Call {
  operation: string;
  variables: Record<string, unknown>;
}

/** Stubs fetch with the server's answers; HR only for the dashboard. */
function fakeServer(hr: boolean): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
      const operation = /^\s*query\s+(\w+)/m.exec(query)?.[1] ?? '';
      calls.push({ operation, variables });
      const answer = answerFor(operation, variables, hr);
      return { status: 200, json: async () => answer, text: async () => JSON.stringify(answer) };
    }),
  );
  return calls;
}

function answerFor(operation: string, variables: Record<string, unknown>, hr: boolean) {
  switch (operation) {
    case 'Dashboard':
      if (!hr) {
        const errors = [{ message: 'you may not read the dashboard', extensions: { code: 'UNAUTHORIZED' } }];
        return { errors, data: { dashboard: null } };
      }
      return { data: dashboard(variables.teamId as string | undefined, (variables.cycle as string | undefined) ?? '2026-Q4') };
    case 'DashboardCycles':
      const cycles = ['2026-Q3', '2026-Q4'].map((name) => ({ id: name, name, startsOn: '', endsOn: '' }));
      return { data: { cycles: { nodes: cycles } } };
    case 'DashboardTeams':
      return { data: { teams: { nodes: teams, pageInfo: { hasNextPage: false, endCursor: null } } } };
  }
  throw new Error(`no answer for ${operation}`);
}

function renderAs(roles: Role[], teamId?: string) {
  const session: Session = { personId: 'P5', personName: 'Kenji Watanabe', roles, serverVersion: 'dev', signOut: vi.fn(), sessionEnded: vi.fn(), signIns: 0 };
  render(
    <SessionContext.Provider value={session}>
      <DashboardView teamId={teamId} />
    </SessionContext.Provider>,
  );
  return userEvent.setup();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DashboardView', () => {
  test('shows every figure as text, with the counts behind it', async () => {
    fakeServer(true);
    renderAs(['HR']);
    const coverage = await screen.findByRole('region', { name: 'Critical key-result coverage' });
    expect(coverage.textContent).toContain('62%');
    expect(coverage.textContent).toContain('8 of 13 critical key results');
    const uncovered = within(coverage).getByRole('link', { name: 'Pass the PCI DSS self-assessment' });
    expect(uncovered.getAttribute('href')).toBe('#/key-results/S2V5UmVzdWx0OjI5/chain');
    expect(within(coverage).getByText(/^And 4 more;/)).toBeTruthy();

    const status = screen.getByRole('table', { name: 'Plan status by team' });
    const payments = within(status).getByRole('row', { name: /Payments/ });
    expect(within(payments).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '2', '1', '1', '9']);
    const all = within(status).getByRole('row', { name: /All/ });
    expect(within(all).getAllByRole('cell').map((c) => c.textContent)).toEqual(['11', '2', '1', '1', '15']);

    expect(screen.getByRole('region', { name: 'Milestone attainment' }).textContent).toContain('65% 26 of 40 milestones');
    const cadence = screen.getByRole('region', { name: 'Cadence compliance' }).textContent;
    expect(cadence).toContain('89% 25 of 28 active plans');
    expect(cadence).toContain('86% 24 of 28 reviews due');
    const observed = screen.getByRole('table', { name: 'Observed change at the latest check-in' });
    expect(within(observed).getByRole('row', { name: /Clear improvement/ }).textContent).toBe('Clear improvement13');
    expect(screen.getByRole('region', { name: 'Observed change in output' }).textContent).toContain('Mean 1.18');
    const warnings = screen.getByRole('table', { name: 'Plans breaking each rule' });
    const overdue = within(warnings).getByRole('row', { name: /Quarterly review overdue/ });
    expect(overdue.textContent).toBe('Quarterly review overdue4');
  });

  test('charts with long names lay their bars across, each name whole beside its bar', async () => {
    fakeServer(true);
    renderAs(['HR']);
    const names = (region: string) => {
      const axis = screen.getByRole('region', { name: region }).querySelector('.recharts-yAxis-tick-labels');
      return [...(axis?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
    };
    await screen.findByRole('table', { name: 'Plan status by team' });
    expect(names('Plan status by team')).toEqual(['Platform', 'Payments']);
    expect(names('Observed change in output')).toEqual([
      'Output got worse',
      'No visible change',
      'Some improvement',
      'Clear improvement',
    ]);
    expect(names('Cadence compliance')).toEqual(['Monthly check-ins on time', 'Quarterly reviews held']);
    for (const text of screen.getByRole('region', { name: 'Cadence compliance' }).querySelectorAll('.recharts-yAxis-tick-labels text')) {
      expect(text.querySelectorAll('tspan').length).toBeLessThanOrEqual(1);
    }
  });

  test('links each team to its own dashboard, and the top teams below the organisation', async () => {
    fakeServer(true);
    renderAs(['HR']);
    const status = await screen.findByRole('table', { name: 'Plan status by team' });
    expect(within(status).getByRole('link', { name: 'Platform' }).getAttribute('href')).toBe('#/dashboard/teams/T3');
    const below = await screen.findByRole('navigation', { name: 'Teams below' });
    expect(within(below).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Executive', '#/dashboard/teams/T1'],
    ]);
  });

  test("a team's dashboard asks for that team and leads back up the tree", async () => {
    const calls = fakeServer(true);
    renderAs(['HR'], 'T2');
    const scope = await screen.findByText(/and the teams below it/);
    expect(scope.textContent).toBe('2026-Q4 · Product & Engineering and the teams below it');
    expect(calls.find((c) => c.operation === 'Dashboard')?.variables).toEqual({ teamId: 'T2' });
    const crumbs = await screen.findByRole('navigation', { name: 'Team breadcrumb' });
    expect(within(crumbs).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Whole organisation', '#/dashboard'],
      ['Executive', '#/dashboard/teams/T1'],
    ]);
    expect(within(crumbs).getByText('Product & Engineering').getAttribute('aria-current')).toBe('page');
    const below = screen.getByRole('navigation', { name: 'Teams below' });
    expect(within(below).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#/dashboard/teams/T4',
      '#/dashboard/teams/T3',
    ]);
  });

  test('the cycle picker asks for the chosen cycle', async () => {
    const calls = fakeServer(true);
    const user = renderAs(['HR']);
    const picker = await screen.findByLabelText('Cycle');
    await screen.findByRole('option', { name: '2026-Q3' });
    await user.selectOptions(picker, '2026-Q3');
    expect(await screen.findByText('2026-Q3 · the whole organisation')).toBeTruthy();
    expect(calls.filter((c) => c.operation === 'Dashboard').map((c) => c.variables)).toEqual([{}, { cycle: '2026-Q3' }]);
  });

  test("someone who is not HR sees that the dashboard is HR's, with the server's words", async () => {
    fakeServer(false);
    renderAs(['MANAGER']);
    const refusal = await screen.findByRole('alert');
    expect(within(refusal).getByRole('heading', { name: 'HR only' })).toBeTruthy();
    expect(refusal.textContent).toContain('you may not read the dashboard');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('team tree', () => {
  const nodes = teams.map((t) => ({ id: t.id, name: t.name, parentId: t.parent?.id }));

  test('pathTo climbs from a team to the top', () => {
    expect(pathTo(nodes, 'T3').map((t) => t.name)).toEqual(['Executive', 'Product & Engineering', 'Platform']);
    expect(pathTo(nodes, 'missing')).toEqual([]);
  });

  test('pathTo stops on a loop in the data', () => {
    const loop = [
      { id: 'A', name: 'A', parentId: 'B' },
      { id: 'B', name: 'B', parentId: 'A' },
    ];
    expect(pathTo(loop, 'A')).toHaveLength(2);
  });

  test('childrenOf lists the teams directly below, by name', () => {
    expect(childrenOf(nodes, 'T2').map((t) => t.name)).toEqual(['Payments', 'Platform']);
    expect(childrenOf(nodes).map((t) => t.name)).toEqual(['Executive']);
  });
});
