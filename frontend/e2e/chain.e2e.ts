// Chain: Mei-Lin Chen's chain shows the company objective and each of her
// goals as the API returns them; nodes open their details by mouse and
// keyboard; a key result's node leads to its own chain, where capabilities
// nobody is building are named.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { artifacts, type Stack, startStack } from './stack';

let stack: Stack;
let meiLin: string;
beforeAll(async () => {
  stack = await startStack();
  const found = await stack.api<{ people: { nodes: { id: string; name: string }[] } }>(
    stack.tokens.manager,
    '{ people(search: "Mei-Lin Chen", first: 5) { nodes { id name } } }',
  );
  const person = found.people.nodes.find((p) => p.name === 'Mei-Lin Chen');
  if (!person) throw new Error('the demo has no Mei-Lin Chen');
  meiLin = person.id;
});
afterAll(async () => {
  await stack?.stop();
});

interface ApiChain {
  cycle: { name: string };
  goals: {
    goal: { title: string; lane: 'EXECUTION' | 'CAREER'; keyResult: { id: string; title: string } | null };
    pathsUp: { steps: { __typename: string; title: string; level?: string }[] }[];
  }[];
}

async function apiChain(): Promise<ApiChain> {
  const data = await stack.api<{ chain: ApiChain }>(
    stack.tokens.manager,
    `query($id: ID!) { chain(personId: $id) {
        cycle { name }
        goals {
          goal { title lane keyResult { id title } }
          pathsUp { steps { __typename ... on Objective { title level } ... on KeyResult { title } } }
        } } }`,
    { id: meiLin },
  );
  return data.chain;
}

async function openChain(): Promise<Page> {
  const page = await stack.signIn(stack.tokens.manager);
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/chain`);
  await page.locator('svg.chain-graph').waitFor();
  return page;
}

/** A node of the drawing, by the start of its accessible name. */
function node(page: Page, name: string) {
  return page.locator('svg.chain-graph').getByRole('button', { name, exact: false }).first();
}

function detailsHeading(page: Page) {
  return page.getByRole('complementary').getByRole('heading', { level: 2 });
}

const laneLabel = { EXECUTION: 'Execution goal', CAREER: 'Career goal' };

test("the drawing shows the company objective and each goal the API returns, and a picture is kept", async () => {
  const chain = await apiChain();
  const company = new Set(
    chain.goals.flatMap((g) => g.pathsUp.flatMap((p) => p.steps.filter((s) => s.level === 'COMPANY').map((s) => s.title))),
  );
  expect(company.size).toBeGreaterThan(0);
  expect(chain.goals.length).toBeGreaterThan(0);

  const page = await openChain();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Chain of Mei-Lin Chen');
  expect(await page.locator('.chain-header').innerText()).toContain(`Cycle ${chain.cycle.name}`);
  for (const title of company) {
    await expect.poll(() => node(page, `Company objective: ${title}`).isVisible()).toBe(true);
  }
  for (const { goal } of chain.goals) {
    expect(await node(page, `${laneLabel[goal.lane]}: ${goal.title}`).count(), goal.title).toBe(1);
  }
  // Each objective is drawn once, however many goals lead up to it.
  const labels = await page.locator('svg.chain-graph [role="button"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  expect(new Set(labels).size).toBe(labels.length);

  // The picture shows the details of the first goal's key result.
  const kr = chain.goals.find((g) => g.goal.keyResult)?.goal.keyResult;
  if (kr) await node(page, `Key result: ${kr.title}`).click();
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.locator('.chain-canvas').evaluate((el) => el.scrollTo(0, 0));
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'chain.png') });
  await page.context().close();
});

test('a click, and Enter on a focused node, open its details', async () => {
  const chain = await apiChain();
  const [first, second] = chain.goals;
  const page = await openChain();

  await node(page, `${laneLabel[first.goal.lane]}: ${first.goal.title}`).click();
  await expect.poll(() => detailsHeading(page).innerText()).toBe(first.goal.title);
  expect(await page.getByRole('complementary').getByRole('link', { name: "Mei-Lin Chen's plan" }).getAttribute('href')).toBe(
    `#/people/${meiLin}/plan`,
  );

  const target = node(page, `${laneLabel[second.goal.lane]}: ${second.goal.title}`);
  await target.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => detailsHeading(page).innerText()).toBe(second.goal.title);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

  await page.keyboard.press('Escape');
  await expect.poll(() => detailsHeading(page).innerText()).toBe('Details');
  expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.context().close();
});

test("a key result's node leads to its chain, which names the capabilities nobody builds", async () => {
  const chain = await apiChain();
  const keyResults = chain.goals.flatMap((g) => (g.goal.keyResult ? [g.goal.keyResult] : []));
  const coverage = await Promise.all(keyResults.map((kr) => uncovered(kr.id)));
  const index = coverage.findIndex((names) => names.length > 0);
  // The demo has a key result of Mei-Lin's with a capability nobody builds.
  expect(index).toBeGreaterThanOrEqual(0);
  const kr = keyResults[index];
  const gaps = coverage[index];

  const page = await openChain();
  await node(page, `Key result: ${kr.title}`).click();
  await page.getByRole('complementary').getByRole('link', { name: 'Who builds the capabilities it needs' }).click();
  // The person's chain is a graph too, and may still stand when the click
  // returns: wait for the key result's heading, then for its graph.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(kr.title);
  await page.locator('svg.chain-graph').waitFor();
  expect(new URL(page.url()).hash).toBe(`#/key-results/${kr.id}/chain`);

  const region = page.getByRole('region', { name: /Nobody is building/ });
  for (const name of gaps) {
    expect(await region.innerText()).toContain(name);
    const gapNode = node(page, `Capability needed: ${name}`);
    expect(await gapNode.getAttribute('aria-label')).toContain('Nobody is building this');
  }
  await node(page, 'Company objective:').waitFor();

  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.locator('.chain-canvas').evaluate((el) => el.scrollTo(0, 0));
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'key-result-chain.png') });
  await page.context().close();
});

/** The capabilities the key result needs that nobody builds, as "Name at level N". */
async function uncovered(keyResultId: string): Promise<string[]> {
  const data = await stack.api<{
    node: { capabilityCoverage: { covered: boolean; requirement: { level: number; capability: { name: string } } }[] };
  }>(
    stack.tokens.manager,
    `query($id: ID!) { node(id: $id) { ... on KeyResult {
        capabilityCoverage { covered requirement { level capability { name } } } } } }`,
    { id: keyResultId },
  );
  return data.node.capabilityCoverage
    .filter((c) => !c.covered)
    .map((c) => `${c.requirement.capability.name} at level ${c.requirement.level}`);
}
