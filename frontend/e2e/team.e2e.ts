// My team: a manager sees their reports as the API lists them, indirect
// ones on request, narrows the list by name, sees who is overdue, and
// reaches a report's chain from the keyboard.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { artifacts, type Stack, startStack } from './stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Named {
  id: string;
  name: string;
}

interface Due {
  direct: boolean;
  checkInOverdue: boolean;
  quarterlyReviewOverdue: boolean;
  person: Named;
}

/** The person's direct reports, as the API lists them. */
async function reportsOf(token: string, personId: string): Promise<Named[]> {
  const data = await stack.api<{ node: { reports: { nodes: Named[] } } }>(
    token,
    'query($id: ID!) { node(id: $id) { ... on Person { reports(first: 50) { nodes { id name } } } } }',
    { id: personId },
  );
  return data.node.reports.nodes;
}

/** Everyone below the person, found through the API level by level. */
async function everyoneBelow(token: string, personId: string): Promise<Named[]> {
  const found: Named[] = [];
  let level = [personId];
  for (let depth = 0; depth < 10 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const id of level) {
      for (const r of await reportsOf(token, id)) {
        found.push(r);
        next.push(r.id);
      }
    }
    level = next;
  }
  return found;
}

async function viewer(token: string): Promise<Named> {
  const data = await stack.api<{ viewer: { person: Named } }>(token, '{ viewer { person { id name } } }');
  return data.viewer.person;
}

/** The whole due list, most overdue first, read a page at a time. */
async function dueCheckIns(token: string): Promise<Due[]> {
  type DuePage = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Due[];
  };
  const all: Due[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const data: { dueCheckIns: DuePage } = await stack.api<{ dueCheckIns: DuePage }>(
      token,
      `query($after: String) {
        dueCheckIns(includeIndirect: true, withinDays: 366, first: 100, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { direct checkInOverdue quarterlyReviewOverdue person { id name } } } }`,
      { after },
    );
    all.push(...data.dueCheckIns.nodes);
    if (!data.dueCheckIns.pageInfo.hasNextPage) {
      expect(all).toHaveLength(data.dueCheckIns.totalCount);
      return all;
    }
    after = data.dueCheckIns.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages of due check-ins');
}

/** A token acting as the person named, made with the admin's token. */
async function tokenFor(name: string, roles: string[]): Promise<string> {
  const people = await stack.api<{ people: { nodes: Named[] } }>(
    stack.tokens.admin,
    'query($s: String!) { people(search: $s, first: 5) { nodes { id name } } }',
    { s: name },
  );
  const person = people.people.nodes.find((p) => p.name === name);
  if (!person) throw new Error(`no person named ${name}`);
  const made = await stack.api<{ createToken: { secret: string } }>(
    stack.tokens.admin,
    'mutation($input: CreateTokenInput!) { createToken(input: $input) { secret userErrors { message } } }',
    { input: { personId: person.id, roles, label: 'team end-to-end test' } },
  );
  return made.createToken.secret;
}

/** The names in the table, in its order. */
async function shownNames(page: Page): Promise<string[]> {
  return page.locator('.team-table .team-name').allInnerTexts();
}

async function openTeam(token: string): Promise<Page> {
  const page = await stack.signIn(token);
  await page.locator('.team-table').waitFor();
  return page;
}

const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

test("Grace sees her direct reports by the API's names, and a picture of the view is kept", async () => {
  const grace = await viewer(stack.tokens.manager);
  const expected = (await reportsOf(stack.tokens.manager, grace.id)).map((r) => r.name);
  expect(expected.length).toBeGreaterThan(0);

  const page = await openTeam(stack.tokens.manager);
  expect(sorted(await shownNames(page))).toEqual(sorted(expected));
  expect(await page.title()).toBe('Throughline — My team');
  // Grace's whole due list fits the page of 100 the view reads.
  expect((await dueCheckIns(stack.tokens.manager)).length).toBeLessThanOrEqual(100);
  expect(await page.locator('.team-more-due').count()).toBe(0);

  // The picture shows one report's warnings opened.
  await page.locator('.team-warnings summary').first().click();
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'team.png'), fullPage: true });
  await page.context().close();
});

test('the indirect toggle adds exactly the reports below the direct ones', async () => {
  // Grace has no indirect reports; Rafael Mendes, her manager, has three
  // teams below him.
  const cases = [
    { token: stack.tokens.manager, indirect: false },
    { token: await tokenFor('Rafael Mendes', ['MANAGER']), indirect: true },
  ];
  for (const { token, indirect } of cases) {
    const me = await viewer(token);
    const direct = (await reportsOf(token, me.id)).map((r) => r.name);
    const all = (await everyoneBelow(token, me.id)).map((r) => r.name);
    const dueIndirect = (await dueCheckIns(token)).filter((d) => !d.direct).map((d) => d.person.name);
    expect(all.length > direct.length, me.name).toBe(indirect);

    const page = await openTeam(token);
    expect(sorted(await shownNames(page)), me.name).toEqual(sorted(direct));
    await page.getByLabel('Include indirect reports').check();
    await expect.poll(async () => sorted(await shownNames(page)), { timeout: 10_000 }).toEqual(sorted(all));
    for (const name of dueIndirect) expect(all).toContain(name);
    await page.context().close();
  }
});

test('searching by name narrows the list', async () => {
  const page = await openTeam(stack.tokens.manager);
  await page.getByLabel('Search by name').fill('mei-lin');
  await expect.poll(() => shownNames(page)).toEqual(['Mei-Lin Chen']);
  await page.getByLabel('Search by name').fill('');
  expect((await shownNames(page)).length).toBeGreaterThan(1);
  await page.context().close();
});

test('a report the API says is overdue is flagged, and the others are not', async () => {
  const due = (await dueCheckIns(stack.tokens.manager)).filter((d) => d.direct);
  const overdue = due.filter((d) => d.checkInOverdue || d.quarterlyReviewOverdue);
  // The demo has a report overdue: without one this test would show nothing.
  expect(overdue.length).toBeGreaterThan(0);

  const page = await openTeam(stack.tokens.manager);
  for (const d of due) {
    const row = page.locator(`tr[data-person-id="${d.person.id}"]`);
    const flags = await row.locator('.badge-overdue').count();
    expect(flags, d.person.name).toBe(Number(d.checkInOverdue) + Number(d.quarterlyReviewOverdue));
  }
  await page.getByLabel('Overdue only').check();
  expect(sorted(await shownNames(page))).toEqual(sorted(overdue.map((d) => d.person.name)));
  await page.context().close();
});

test('HR sees their own reports without a due list, and HR with no reports is told so', async () => {
  const kenji = await viewer(stack.tokens.hr);
  const expected = (await reportsOf(stack.tokens.hr, kenji.id)).map((r) => r.name);
  const page = await openTeam(stack.tokens.hr);
  expect(sorted(await shownNames(page))).toEqual(sorted(expected));
  await page.context().close();

  const partner = await tokenFor('María González', ['HR']);
  const me = await viewer(partner);
  expect(await reportsOf(partner, me.id)).toEqual([]);
  const empty = await stack.signIn(partner);
  await expect.poll(() => empty.locator('main').innerText()).toContain('You have no reports in Throughline');
  expect(await empty.locator('.team-table').count()).toBe(0);
  await empty.context().close();
});

test("Tab reaches a row's link and Enter opens it", async () => {
  const page = await openTeam(stack.tokens.manager);
  await page.getByLabel('Search by name').focus();
  let label = '';
  for (let i = 0; i < 30 && !label.startsWith('Chain of '); i++) {
    await page.keyboard.press('Tab');
    label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  }
  expect(label).toMatch(/^Chain of /);
  const name = label.replace('Chain of ', '');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Chain of ${name}`);
  expect(new URL(page.url()).hash).toMatch(/^#\/people\/[^/]+\/chain$/);
  await page.context().close();
});
