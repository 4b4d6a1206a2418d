// The two-lane plan in a real browser against a real server: Grace, the
// manager, edits Mei-Lin Chen's plan in place, and every edit is checked
// through the API. Tests run in order and build on each other's writes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import type { WarningCode } from '../src/api/schema';
import { todayISO, warningLabels } from '../src/views/plan/labels';
import { artifacts, type Stack, startStack } from './stack';

interface ApiAction {
  title: string;
  kind: string;
  dueOn: string | null;
  doneOn: string | null;
  outcome: string;
  supporter: { id: string } | null;
}
interface ApiGoal {
  id: string;
  title: string;
  horizon: string;
  actions: ApiAction[];
}
interface ApiPlan {
  id: string;
  version: number;
  status: string;
  statusReason: string;
  executionGoals: ApiGoal[];
  careerGoals: ApiGoal[];
}

const planQuery = `query($id: ID!) { node(id: $id) { ... on Person { plan {
  id version status statusReason
  executionGoals { ...G } careerGoals { ...G } } } } }
fragment G on DevelopmentGoal { id title horizon
  actions { title kind dueOn doneOn outcome supporter { id } } }`;

let stack: Stack;
let meiLin: string;
let grace: string;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  const found = await stack.api(
    stack.tokens.manager,
    `{ viewer { person { id } } people(search: "Mei-Lin Chen") { edges { node { id } } } }`,
  );
  grace = found.viewer.person.id;
  meiLin = found.people.edges[0].node.id;
  page = await stack.signIn(stack.tokens.manager);
});
afterAll(async () => {
  await stack?.stop();
});

async function apiPlan(): Promise<ApiPlan> {
  const data = await stack.api(stack.tokens.manager, planQuery, { id: meiLin });
  return data.node.plan;
}

async function openPlan() {
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/plan`);
  await page.getByRole('heading', { level: 1, name: 'Plan: Mei-Lin Chen' }).waitFor();
}

function laneTitles(lane: 'Execution' | 'Career') {
  return page.getByRole('region', { name: new RegExp(`^${lane}`) }).getByRole('heading', { level: 3 }).allInnerTexts();
}

function goalCard(title: string) {
  return page.getByRole('article', { name: title });
}

test('the two lanes show the goals the API returns', async () => {
  await openPlan();
  const plan = await apiPlan();

  expect(plan.executionGoals.length).toBeGreaterThan(0);
  expect(await laneTitles('Execution')).toEqual(plan.executionGoals.map((g) => g.title));
  expect(await laneTitles('Career')).toEqual(plan.careerGoals.map((g) => g.title));
  expect(await page.title()).toBe('Throughline — Plan: Mei-Lin Chen');

  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'plan.png'), fullPage: true });
});

const newAction = 'Pair with Yusuf on the next incident review';

test('an action added in the page is stored with its kind, title, supporter and due date', async () => {
  await openPlan();
  const goal = (await apiPlan()).executionGoals[1];
  const card = goalCard(goal.title);

  await card.getByRole('button', { name: `Add an action to “${goal.title}”` }).click();
  const form = card.getByRole('form', { name: `Add an action to “${goal.title}”` });
  await form.getByLabel('Kind').selectOption('EXPOSURE');
  await form.getByLabel('What to do').fill(newAction);
  await form.getByLabel('Supporter', { exact: true }).selectOption(grace);
  await form.getByLabel("Supporter's role").selectOption('MANAGER');
  await form.getByLabel('Due on').fill('2027-01-15');
  await form.getByRole('button', { name: 'Add the action' }).click();
  await card.getByText(newAction).waitFor();

  const stored = (await apiPlan()).executionGoals[1].actions.find((a) => a.title === newAction);
  expect(stored).toMatchObject({ kind: 'EXPOSURE', dueOn: '2027-01-15', doneOn: null, supporter: { id: grace } });
});

test('completing an action stores today as its done date, with the outcome', async () => {
  await openPlan();

  await page.getByRole('button', { name: `Mark done: ${newAction}` }).click();
  await page.getByLabel('Outcome (optional)').fill('The review ended in a decision with an owner.');
  await page.getByRole('button', { name: /^Done today/ }).click();
  await page.getByRole('button', { name: `Reopen: ${newAction}` }).waitFor();

  const stored = (await apiPlan()).executionGoals[1].actions.find((a) => a.title === newAction);
  expect(stored?.doneOn).toBe(todayISO());
  expect(stored?.outcome).toBe('The review ended in a decision with an owner.');
});

test('BLOCKED needs a reason: refused inline without one, stored with one', async () => {
  await openPlan();
  const before = await apiPlan();
  expect(before.status).toBe('ON_TRACK');

  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption('BLOCKED');
  await page.getByRole('button', { name: 'Save the status' }).click();
  const error = page.locator('#plan-reason-error');
  await error.waitFor();
  expect(await error.innerText()).toMatch(/needs a reason/);
  expect((await apiPlan()).status).toBe('ON_TRACK');

  await page.getByLabel(/^Reason/).fill('No P1 incident to lead until the freeze ends');
  await page.getByRole('button', { name: 'Save the status' }).click();
  await page.locator('.plan-facts').getByText('Blocked').waitFor();

  const after = await apiPlan();
  expect(after.status).toBe('BLOCKED');
  expect(after.statusReason).toBe('No P1 incident to lead until the freeze ends');
  expect(after.version).toBeGreaterThan(before.version);
});

test('a career goal added in the page is stored with its horizon', async () => {
  await openPlan();
  const title = 'Run the platform reliability guild';

  await page.getByRole('button', { name: 'Add a goal' }).click();
  const form = page.getByRole('form', { name: 'Add a goal' });
  await form.getByRole('radio', { name: /Career/ }).check();
  await form.getByLabel('Goal', { exact: true }).fill(title);
  await form.getByLabel('What will change in the work').fill('Other teams bring reliability questions to the guild.');
  await form.getByLabel('Horizon', { exact: true }).fill('2028-Q4');
  await form.getByRole('button', { name: 'Add the goal' }).click();
  await page.getByRole('region', { name: /^Career/ }).getByRole('heading', { name: title }).waitFor();

  const stored = (await apiPlan()).careerGoals.find((g) => g.title === title);
  expect(stored?.horizon).toBe('2028-Q4');
});

test('an edit on a stale version offers to reload, and reloading shows the other change', async () => {
  await openPlan();
  const seen = await apiPlan();
  const workshop = seen.executionGoals[0].actions.find((a) => a.doneOn === null);
  expect(workshop).toBeDefined();

  // Someone else puts the plan back on track after the page loaded.
  const other = await stack.api(
    stack.tokens.manager,
    `mutation($in: SetPlanStatusInput!) { setPlanStatus(input: $in) { userErrors { message } } }`,
    { in: { planId: seen.id, version: seen.version, status: 'ON_TRACK' } },
  );
  expect(other.setPlanStatus.userErrors).toEqual([]);

  await page.getByRole('button', { name: `Mark done: ${workshop!.title}` }).click();
  await page.getByRole('button', { name: /^Done today/ }).click();
  await page.getByRole('button', { name: 'Reload the plan' }).click();
  await page.locator('.plan-facts').getByText('On track').waitFor();

  expect(await page.getByText(`version ${seen.version + 1}`).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Reload the plan' }).count()).toBe(0);
  const now = await apiPlan();
  expect(now.executionGoals[0].actions.find((a) => a.title === workshop!.title)?.doneOn).toBeNull();
});

test("a manager outside a person's line is told no plan is visible, and is not offered to create one", async () => {
  const found = await stack.api(stack.tokens.manager, `{ people(search: "Yusuf Demir") { edges { node { id } } } }`);
  const yusuf = found.people.edges[0].node.id;
  const other = await stack.signIn(stack.tokens.manager);
  await other.goto(`${stack.appUrl}/#/people/${yusuf}/plan`);
  await other.getByText(/^No plan you can see for /).waitFor();
  expect(await other.getByRole('button', { name: /Create a plan/ }).count()).toBe(0);
  expect(await other.getByText(/has no development plan/).count()).toBe(0);
  await other.context().close();
});

test('a key result shows where it stands in its own unit', async () => {
  const other = await stack.signIn(stack.tokens.manager);
  await other.goto(`${stack.appUrl}/#/people/${meiLin}/plan`);
  const goal = (
    await stack.api(
      stack.tokens.manager,
      `query($id: ID!) { node(id: $id) { ... on Person { plan {
        executionGoals { title keyResult { metric { start current target unit } } } } } } }`,
      { id: meiLin },
    )
  ).node.plan.executionGoals[0];
  const m = goal.keyResult.metric;
  const card = other.getByRole('article', { name: goal.title });
  await card.getByText(`start ${m.start} → now ${m.current} → target ${m.target} ${m.unit}`).waitFor();
  await other.context().close();
});

test("warnings read as the rule in words with the server's message, not as codes", async () => {
  const found = await stack.api(stack.tokens.manager, `{ people(search: "Diego Herrera") { edges { node { id } } } }`);
  const diego = found.people.edges[0].node.id;
  const warnings: { code: string; message: string }[] = (
    await stack.api(stack.tokens.manager, `query($id: ID!) { node(id: $id) { ... on Person { plan { warnings { code message } } } } }`, {
      id: diego,
    })
  ).node.plan.warnings;
  expect(warnings.length).toBeGreaterThan(0);
  const other = await stack.signIn(stack.tokens.manager);
  await other.goto(`${stack.appUrl}/#/people/${diego}/plan`);
  const region = other.getByRole('region', { name: 'Warnings' });
  await region.waitFor();
  const text = await region.innerText();
  for (const w of warnings) {
    expect(text).toContain(`${warningLabels[w.code as WarningCode]}: ${w.message}`);
    expect(text).not.toContain(w.code);
  }
  await other.context().close();
});
