// The quarterly review in a real browser against a real server. HR opens
// the next quarter through the API (with the review rhythm's lead long
// enough that today falls in its review window, whatever the date) and
// gives it key results; Grace finds the review from her team and from
// Mei-Lin Chen's plan, carries one goal over to a key result she finds by
// search and closes the other. The API then shows the new plan on track
// with the carried goal on that key result, the old goal closed, the
// career goal carried forward, and the review recorded on the new plan.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, test } from 'vitest';

import { todayISO } from '../src/views/plan/labels';
import { artifacts, type Stack, startStack } from './stack';

const leadIncidents = 'Lead incidents from the first page to restore';
const writeReviews = 'Write incident reviews that change what we do';
const staffEngineer = 'Grow into a staff site reliability engineer';

let stack: Stack;
let meiLin: string;
let next: string;
let restoreKr: string;

beforeAll(async () => {
  stack = await startStack();
  const found = await stack.api(
    stack.tokens.manager,
    `{ people(search: "Mei-Lin Chen") { edges { node { id } } } }`,
  );
  meiLin = found.people.edges[0].node.id;
  next = await openNextQuarter();
  restoreKr = await addKeyResults(next);
});
afterAll(async () => {
  await stack?.stop();
});

/** Opens the quarter after the last one as HR, its reviews held from today on; answers its name. */
async function openNextQuarter(): Promise<string> {
  const hr = stack.tokens.hr;
  const now = await stack.api(hr, `{ reviewRhythm { monthlyEveryDays reviewWindowDays }
    cycles(first: 100) { nodes { name endsOn } } }`);
  // A quarter is at most 92 days long, so a lead of 92 days opens the next
  // quarter's review window today or earlier.
  const rhythm = await stack.api(
    hr,
    `mutation($input: SetReviewRhythmInput!) { setReviewRhythm(input: $input) { userErrors { message } } }`,
    { input: { ...now.reviewRhythm, reviewLeadDays: 92 } },
  );
  expect(rhythm.setReviewRhythm.userErrors).toEqual([]);

  const last = now.cycles.nodes.map((c: { endsOn: string }) => c.endsOn).sort().pop() as string;
  const starts = new Date(`${last}T00:00:00Z`);
  starts.setUTCDate(starts.getUTCDate() + 1);
  const name = `${starts.getUTCFullYear()}-Q${Math.floor(starts.getUTCMonth() / 3) + 1}`;
  const opened = await stack.api(
    hr,
    `mutation($input: OpenCycleInput!) { openCycle(input: $input) { plansOpened userErrors { message } } }`,
    { input: { name } },
  );
  expect(opened.openCycle.userErrors).toEqual([]);
  expect(opened.openCycle.plansOpened).toBeGreaterThan(0);
  return name;
}

/** Gives the cycle an objective with two key results as HR; answers the restore one's ID. */
async function addKeyResults(cycle: string): Promise<string> {
  const hr = stack.tokens.hr;
  const objective = await stack.api(
    hr,
    `mutation($input: CreateObjectiveInput!) {
      createObjective(input: $input) { objective { id } userErrors { message } } }`,
    { input: { cycle, level: 'COMPANY', title: 'Make incidents rare and short' } },
  );
  expect(objective.createObjective.userErrors).toEqual([]);
  const ids: string[] = [];
  for (const [title, critical] of [
    ['Restore P1 incidents within 20 minutes', true],
    ['Halve the pages per on-call week', false],
  ] as const) {
    const made = await stack.api(
      hr,
      `mutation($input: CreateKeyResultInput!) {
        createKeyResult(input: $input) { keyResult { id } userErrors { message } } }`,
      { input: { objectiveId: objective.createObjective.objective.id, title, critical } },
    );
    expect(made.createKeyResult.userErrors).toEqual([]);
    ids.push(made.createKeyResult.keyResult.id);
  }
  return ids[0];
}

const plansQuery = `query($id: ID!, $cycle: String!) { node(id: $id) { ... on Person {
  current: plan { status executionGoals { id title state } careerGoals { id title } }
  next: plan(cycle: $cycle) { status statusReason quarterlyReviewHeld
    executionGoals { title state keyResult { id } carriedFrom { id } }
    careerGoals { title state carriedFrom { id } }
    checkIns(first: 5) { totalCount nodes { kind heldOn author { name } capabilityBuilding
      outputImproved observedChange statusAfter } } } } } }`;

async function plans() {
  return (await stack.api(stack.tokens.manager, plansQuery, { id: meiLin, cycle: next })).node;
}

test('Grace holds the review: one goal carried to a key result found by search, one closed', async () => {
  const before = await plans();
  expect(before.next.status).toBe('NEEDS_RESET');
  const oldLead = before.current.executionGoals.find((g: { title: string }) => g.title === leadIncidents);
  expect(oldLead.state).toBe('ACTIVE');

  // The team's due list leads to the review, which finds the two cycles itself.
  const page = await stack.signIn(stack.tokens.manager);
  await page.goto(`${stack.appUrl}/#/team`);
  await page.getByRole('link', { name: 'Quarterly review of Mei-Lin Chen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quarterly review: Mei-Lin Chen' }).waitFor();
  await page.getByText(`resets the plan for ${next} against its key results`).waitFor();

  // So does the plan view of the cycle that ends.
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/plan`);
  const notice = page.getByRole('region', { name: `The quarterly review for ${next} waits` });
  await notice.waitFor();
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'quarterly-review-due.png') });
  await notice.getByRole('link', { name: 'Hold the quarterly review' }).click();
  const form = page.getByRole('form', { name: 'Quarterly review with Mei-Lin Chen' });
  await form.waitFor();
  expect(await page.title()).toBe('Throughline — Quarterly review: Mei-Lin Chen');
  expect(await form.getByRole('region', { name: /Career goals/ }).innerText()).toContain(staffEngineer);

  // Carry the first goal over: the search finds the key result, Enter takes it.
  const lead = form.getByRole('group', { name: leadIncidents });
  await lead.getByRole('radio', { name: `Carry over to ${next}` }).check();
  await lead.getByLabel(`Find a key result of ${next}`).fill('restore');
  await lead.getByLabel(`Find a key result of ${next}`).press('Enter');
  const list = lead.getByLabel('Key result it will serve');
  expect(await list.inputValue()).toBe(restoreKr);
  expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
  // Close the second as achieved, from the keyboard.
  const reviews = form.getByRole('group', { name: writeReviews });
  await reviews.getByRole('radio', { name: 'Close as achieved' }).focus();
  await page.keyboard.press('Space');
  expect(await reviews.getByRole('radio', { name: 'Close as achieved' }).isChecked()).toBe(true);

  expect(await form.getByLabel('Held on').inputValue()).toBe(todayISO());
  await form.getByLabel('What capability are you building?').fill('Running incidents across teams.');
  await form.getByLabel('What has improved in your output?').fill('Restores within the hour, every time.');
  await form.getByRole('radio', { name: 'Some improvement' }).check();
  await page.screenshot({ path: join(artifacts, 'quarterly-review.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(artifacts, 'quarterly-review-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await form.getByRole('button', { name: 'Hold the quarterly review' }).click();

  // The new plan's two lanes: the carried goal on its new key result, the career goal carried forward.
  await page.waitForURL((url) => url.hash === `#/people/${meiLin}/plan/${next}`);
  await page.getByText(`Cycle ${next}`).waitFor();
  const execution = page.getByRole('region', { name: /^Execution/ });
  expect(await execution.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([leadIncidents]);
  await execution.getByRole('link', { name: 'Restore P1 incidents within 20 minutes' }).waitFor();
  const career = page.getByRole('region', { name: /^Career/ });
  expect(await career.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([staffEngineer]);
  expect(await page.locator('.plan-facts').innerText()).toContain('On track');
  await page.screenshot({ path: join(artifacts, 'quarterly-review-new-plan.png'), fullPage: true });

  // Through the API: the new plan on track, the carried goal linked, the closed goal achieved.
  const after = await plans();
  expect(after.next.status).toBe('ON_TRACK');
  expect(after.next.statusReason).toBe('');
  expect(after.next.quarterlyReviewHeld).toBe(true);
  expect(after.next.executionGoals).toEqual([
    { title: leadIncidents, state: 'ACTIVE', keyResult: { id: restoreKr }, carriedFrom: { id: oldLead.id } },
  ]);
  expect(after.next.careerGoals.map((g: { title: string }) => g.title)).toEqual([staffEngineer]);
  const states = Object.fromEntries(
    after.current.executionGoals.map((g: { title: string; state: string }) => [g.title, g.state]),
  );
  expect(states[writeReviews]).toBe('ACHIEVED');
  expect(after.next.checkIns.totalCount).toBe(1);
  expect(after.next.checkIns.nodes[0]).toEqual({
    kind: 'QUARTERLY',
    heldOn: todayISO(),
    author: { name: 'Grace Mwangi' },
    capabilityBuilding: 'Running incidents across teams.',
    outputImproved: 'Restores within the hour, every time.',
    observedChange: 'SOME_IMPROVEMENT',
    statusAfter: 'ON_TRACK',
  });

  // The review tops the new plan's history.
  const related = page.getByRole('navigation', { name: 'Related views' });
  await related.getByRole('link', { name: 'Check-in' }).click();
  const top = page.getByRole('region', { name: /History/ }).getByRole('article').first();
  await top.getByRole('heading', { name: `Quarterly review · ${todayISO()}` }).waitFor();
  expect(await top.innerText()).toContain('Restores within the hour, every time.');

  // The plan that ended no longer says a review waits.
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/plan`);
  await page.getByRole('region', { name: /^Execution/ }).waitFor();
  await page.waitForTimeout(300);
  expect(await page.getByRole('region', { name: `The quarterly review for ${next} waits` }).count()).toBe(0);
  await page.context().close();
});
