// Dashboard: HR sees the figures the API gives for the cycle, drills into
// a team by its link and by its bar, sees that team's figures, and climbs
// back by the breadcrumb. A manager has no Dashboard link, and the route
// shows the server's refusal as an HR-only state.
// The charts' labels stand whole and never run into each other.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { artifacts, type Stack, startStack } from './stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await stack?.stop();
});

interface StatusRow {
  team: { id: string; name: string };
  onTrack: number;
  blocked: number;
  completed: number;
  needsReset: number;
}

interface Board {
  cycle: { name: string };
  team: { id: string; name: string } | null;
  criticalCoverage: {
    total: number;
    covered: number;
    share: number;
    uncovered: { totalCount: number; nodes: { id: string; title: string }[] };
  };
  planStatusByTeam: StatusRow[];
  milestoneAttainment: { due: number; doneOnTime: number; share: number };
}

async function board(variables: { cycle?: string; teamId?: string }): Promise<Board> {
  const data = await stack.api<{ dashboard: Board }>(
    stack.tokens.hr,
    `query($cycle: String, $teamId: ID) { dashboard(cycle: $cycle, teamId: $teamId) {
      cycle { name } team { id name }
      criticalCoverage { total covered share uncovered(first: 50) { totalCount nodes { id title } } }
      planStatusByTeam { team { id name } onTrack blocked completed needsReset }
      milestoneAttainment { due doneOnTime share } } }`,
    variables,
  );
  return data.dashboard;
}

async function teamNamed(name: string): Promise<string> {
  const data = await stack.api<{ teams: { nodes: { id: string; name: string }[] } }>(
    stack.tokens.hr,
    '{ teams(first: 100) { nodes { id name } } }',
  );
  const team = data.teams.nodes.find((t) => t.name === name);
  if (!team) throw new Error(`no team named ${name}`);
  return team.id;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Checks the page's figures against the API's, number by number. */
async function expectFigures(page: Page, expected: Board) {
  const scope = expected.team ? `${expected.team.name} and the teams below it` : 'the whole organisation';
  await page.getByText(`${expected.cycle.name} · ${scope}`).waitFor();
  const coverage = await page.getByRole('region', { name: 'Critical key-result coverage' }).innerText();
  const c = expected.criticalCoverage;
  expect(coverage).toContain(`${pct(c.share)} ${c.covered} of ${c.total} critical key results`);
  for (const kr of c.uncovered.nodes) expect(coverage).toContain(kr.title);
  const m = expected.milestoneAttainment;
  expect(await page.getByRole('region', { name: 'Milestone attainment' }).innerText()).toContain(
    `${pct(m.share)} ${m.doneOnTime} of ${m.due} milestones`,
  );
  const table = page.getByRole('table', { name: 'Plan status by team' });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent)),
  );
  expect(rows).toEqual(
    expected.planStatusByTeam.map((r) => [
      r.team.name,
      ...[r.onTrack, r.blocked, r.completed, r.needsReset, r.onTrack + r.blocked + r.completed + r.needsReset].map(String),
    ]),
  );
}

test('HR sees the API’s figures, drills into a team and climbs back', { timeout: 120_000 }, async () => {
  const current = await board({});
  const whole = await board({ cycle: current.cycle.name });
  const page = await stack.signIn(stack.tokens.hr);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Dashboard' }).click();
  await expectFigures(page, whole);
  expect(await page.getByLabel('Cycle').inputValue()).toBe(whole.cycle.name);
  await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });

  // Down the tree by the team links: the top team, then Product & Engineering.
  const executive = await teamNamed('Executive');
  const engineering = await teamNamed('Product & Engineering');
  await page.getByRole('navigation', { name: 'Teams below' }).getByRole('link', { name: 'Executive' }).click();
  await page.getByRole('navigation', { name: 'Teams below' }).getByRole('link', { name: 'Product & Engineering' }).click();
  expect(new URL(page.url()).hash).toBe(`#/dashboard/teams/${engineering}`);
  const engineeringBoard = await board({ cycle: whole.cycle.name, teamId: engineering });
  await expectFigures(page, engineeringBoard);
  expect(engineeringBoard.planStatusByTeam.length).toBeGreaterThan(1);

  // A bar of the status chart leads to its team: the first bar drawn is
  // the first team's "on track" count.
  const first = engineeringBoard.planStatusByTeam[0];
  expect(first.onTrack).toBeGreaterThan(0);
  await page.locator('.recharts-bar-rectangle').first().click();
  await page.waitForURL((u) => u.hash === `#/dashboard/teams/${first.team.id}`);
  await expectFigures(page, await board({ cycle: whole.cycle.name, teamId: first.team.id }));

  // Back up by the breadcrumb, one level, then to the whole organisation.
  const crumbs = page.getByRole('navigation', { name: 'Team breadcrumb' });
  expect(await crumbs.getByRole('listitem').allInnerTexts()).toEqual([
    'Whole organisation',
    'Executive',
    'Product & Engineering',
    first.team.name,
  ]);
  await crumbs.getByRole('link', { name: 'Product & Engineering' }).click();
  await page.waitForURL((u) => u.hash === `#/dashboard/teams/${engineering}`);
  await expectFigures(page, engineeringBoard);
  await crumbs.getByRole('link', { name: 'Executive' }).click();
  await page.waitForURL((u) => u.hash === `#/dashboard/teams/${executive}`);
  await crumbs.getByRole('link', { name: 'Whole organisation' }).click();
  await page.waitForURL((u) => u.hash === '#/dashboard');
  await expectFigures(page, whole);
  await page.context().close();
});

test('HR switches the cycle and sees that cycle’s figures', { timeout: 60_000 }, async () => {
  const cycles = await stack.api<{ cycles: { nodes: { name: string }[] } }>(stack.tokens.hr, '{ cycles { nodes { name } } }');
  const current = await board({});
  const name = cycles.cycles.nodes.map((c) => c.name).find((n) => n !== current.cycle.name);
  if (!name) throw new Error('the demo has a single cycle');
  const page = await stack.signIn(stack.tokens.hr);
  await page.goto(`${stack.appUrl}/#/dashboard`);
  await page.getByRole('region', { name: 'Critical key-result coverage' }).waitFor();
  await page.getByLabel('Cycle').selectOption(name);
  await expectFigures(page, await board({ cycle: name }));
  await page.context().close();
});

test('a manager has no Dashboard link, and the route says it is for HR', async () => {
  const page = await stack.signIn(stack.tokens.manager);
  const nav = page.getByRole('navigation', { name: 'Views' });
  expect(await nav.getByRole('link', { name: 'Handover' }).count()).toBe(1);
  expect(await nav.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
  await page.goto(`${stack.appUrl}/#/dashboard`);
  const refusal = page.getByRole('alert');
  await refusal.getByRole('heading', { name: 'HR only' }).waitFor();
  expect(await refusal.innerText()).toContain('you may not read the dashboard');
  expect(await page.getByRole('table').count()).toBe(0);
  await page.context().close();
});

test('every chart label stands whole on one line, apart from its neighbours', async () => {
  const page = await stack.signIn(stack.tokens.hr);
  await page.goto(`${stack.appUrl}/#/dashboard`);
  await page.getByRole('region', { name: 'Cadence compliance' }).locator('svg text').first().waitFor();
  const axes = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.dash-chart .recharts-cartesian-axis-tick-labels'), (axis) =>
      Array.from(axis.querySelectorAll('text'), (t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    ),
  );
  const names = axes.flat().map((l) => l.text);
  for (const whole of ['Monthly check-ins on time', 'Quarterly reviews held', 'No visible change', 'Some improvement']) {
    expect(names).toContain(whole);
  }
  const teams = await board({});
  for (const row of teams.planStatusByTeam) expect(names).toContain(row.team.name);
  for (const labels of axes) {
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i], labels[j]];
        const apart = a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
        expect(apart, `“${a.text}” and “${b.text}” overlap`).toBe(true);
      }
    }
  }
  await page.context().close();
});
