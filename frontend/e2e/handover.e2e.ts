// Handover: Grace hands two of her reports to another team lead through
// the flow, with drafted risks; the lead acknowledges both packs and saves
// one as Markdown and as PDF. A move to the person's current manager is
// refused beside the field and changes nothing. Every write is checked
// through the API, not only on screen.
import { mkdirSync, readFileSync } from 'node:fs';
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

interface Person {
  id: string;
  name: string;
  manager: { id: string; name: string } | null;
}

async function personNamed(name: string): Promise<Person> {
  const data = await stack.api<{ people: { nodes: Person[] } }>(
    stack.tokens.hr,
    'query($s: String) { people(search: $s, first: 5) { nodes { id name manager { id name } } } }',
    { s: name },
  );
  const found = data.people.nodes.find((p) => p.name === name);
  if (!found) throw new Error(`no one named ${name} in the demo`);
  return found;
}

/** The lead of another team, who is neither Grace nor one of her reports. */
async function anotherTeamLead(grace: Person, reportIds: string[]): Promise<{ id: string; name: string }> {
  const data = await stack.api<{ teams: { nodes: { name: string; lead: { id: string; name: string } | null }[] } }>(
    stack.tokens.admin,
    '{ teams(first: 100) { nodes { name lead { id name } } } }',
  );
  const lead = data.teams.nodes.find((t) => t.name === 'Payments')?.lead;
  if (!lead) throw new Error('the demo has no Payments lead');
  expect(lead.id).not.toBe(grace.id);
  expect(reportIds).not.toContain(lead.id);
  return lead;
}

async function managerToken(personId: string): Promise<string> {
  const data = await stack.api<{ createToken: { secret: string | null; userErrors: { message: string }[] } }>(
    stack.tokens.admin,
    'mutation($i: CreateTokenInput!) { createToken(input: $i) { secret userErrors { message } } }',
    { i: { personId, roles: ['MANAGER'], label: 'e2e: incoming manager' } },
  );
  expect(data.createToken.userErrors).toEqual([]);
  return data.createToken.secret!;
}

async function reportsOf(token: string): Promise<{ id: string; name: string }[]> {
  const data = await stack.api<{ viewer: { person: { reports: { nodes: { id: string; name: string }[] } } } }>(
    token,
    '{ viewer { person { reports(first: 100) { nodes { id name } } } } }',
  );
  return data.viewer.person.reports.nodes;
}

interface HandoverSeen {
  id: string;
  toManager: { id: string };
  fromManager: { id: string } | null;
  packs: { id: string; risks: string; person: { id: string; name: string } }[];
}

async function allHandovers(): Promise<HandoverSeen[]> {
  const data = await stack.api<{ handovers: { nodes: HandoverSeen[] } }>(
    stack.tokens.hr,
    '{ handovers(first: 50) { nodes { id toManager { id } fromManager { id } packs { id risks person { id name } } } } }',
  );
  return data.handovers.nodes;
}

async function openHandover(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Handover' }).click();
  await page.getByRole('heading', { name: 'Hand over your reports' }).waitFor();
}

/** Walks the flow to the preview: who, to whom, then each person's notes. */
async function fillFlow(page: Page, people: string[], manager: string, risks: Record<string, string>, note: string) {
  for (const name of people) await page.getByRole('checkbox', { name: new RegExp(name) }).check();
  await page.getByLabel('New manager').fill(manager.split(' ')[0]);
  await page.getByRole('list', { name: 'Matches for new manager' }).getByRole('button', { name: new RegExp(manager) }).click();
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Next: risks and stakeholders' }).click();
  for (const name of people) {
    const group = page.getByRole('group', { name });
    await group.getByLabel('Risks').fill(risks[name] ?? '');
    await group.getByLabel('Stakeholder priorities').fill(`Stakeholders of ${name}`);
  }
  await page.getByRole('button', { name: 'Draft and preview the packs' }).click();
  for (const name of people) await page.getByRole('heading', { name: `Pack: ${name}` }).waitFor();
}

test('Grace hands two reports to another lead, who acknowledges and saves the packs', { timeout: 180_000 }, async () => {
  const grace = await personNamed('Grace Mwangi');
  const reports = await reportsOf(stack.tokens.manager);
  const lead = await anotherTeamLead(grace, reports.map((r) => r.id));
  const leadToken = await managerToken(lead.id);
  const moving = ['Oleksandr Petrenko', 'Diego Herrera'];
  const risks = {
    'Oleksandr Petrenko': 'The only one who knows the routing cache.',
    'Diego Herrera': 'The rate limiter rewrite slips without a reviewer.',
  };

  // Grace walks the flow and confirms.
  const page = await stack.signIn(stack.tokens.manager);
  await openHandover(page);
  await fillFlow(page, moving, lead.name, risks, 'Payments takes over the routing API.');
  const preview = page.getByRole('article', { name: 'Pack: Oleksandr Petrenko' });
  expect(await preview.getByRole('region', { name: 'Risks' }).innerText()).toContain(risks['Oleksandr Petrenko']);
  expect(await preview.getByRole('region', { name: 'Plan', exact: true }).innerText()).toMatch(/2026-Q\d/);
  await page.screenshot({ path: join(artifacts, 'handover.png'), fullPage: true });
  await page.getByRole('button', { name: 'Confirm handover' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Handed over' });
  expect(await done.innerText()).toContain(`to ${lead.name}`);
  const created = page.getByRole('list', { name: 'Created packs' }).getByRole('link');
  expect(await created.count()).toBe(2);
  await page.context().close();

  // The server moved both people, in one handover with a pack each.
  for (const name of moving) expect((await personNamed(name)).manager?.id).toBe(lead.id);
  const handover = (await allHandovers()).find((h) => h.toManager.id === lead.id && h.fromManager?.id === grace.id);
  expect(handover).toBeDefined();
  expect(handover!.packs.map((p) => p.person.name).sort()).toEqual([...moving].sort());
  for (const p of handover!.packs) expect(p.risks).toBe(risks[p.person.name as keyof typeof risks]);

  // The incoming manager opens each received pack and acknowledges it.
  const leadPage = await stack.signIn(leadToken);
  await openHandover(leadPage);
  const received = leadPage.getByRole('list', { name: 'Received packs' });
  for (const name of moving) {
    await received.getByRole('link', { name }).click();
    await leadPage.getByRole('heading', { name: `Handover pack: ${name}` }).waitFor();
    await leadPage.getByRole('button', { name: 'Acknowledge pack' }).click();
    expect(await leadPage.getByText(/^Acknowledged on/).innerText()).toContain(`by ${lead.name}`);
    await leadPage.goBack();
    await received.waitFor();
  }
  for (const p of handover!.packs) {
    const data = await stack.api<{ node: { acknowledgedAt: string | null; acknowledgedBy: { id: string } | null } }>(
      stack.tokens.hr,
      'query($id: ID!) { node(id: $id) { ... on HandoverPack { acknowledgedAt acknowledgedBy { id } } } }',
      { id: p.id },
    );
    expect(data.node.acknowledgedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(data.node.acknowledgedBy?.id).toBe(lead.id);
  }

  // One pack saved as Markdown and as PDF, as the browser downloads them.
  await received.getByRole('link', { name: 'Oleksandr Petrenko' }).click();
  await leadPage.getByRole('heading', { name: 'Handover pack: Oleksandr Petrenko' }).waitFor();
  const markdown = await download(leadPage, 'Save as Markdown');
  expect(markdown.name).toBe('handover-pack-oleksandr-petrenko.md');
  expect(markdown.bytes.toString('utf8')).toContain('Oleksandr Petrenko');
  expect(markdown.bytes.toString('utf8')).toContain(risks['Oleksandr Petrenko']);
  const pdf = await download(leadPage, 'Save as PDF');
  expect(pdf.name).toBe('handover-pack-oleksandr-petrenko.pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.toString('latin1')).toContain('(Handover pack: Oleksandr Petrenko) Tj');
  await leadPage.screenshot({ path: join(artifacts, 'pack.png'), fullPage: true });
  await leadPage.context().close();
});

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test("a move to the person's current manager is refused beside the field, and nothing changes", async () => {
  const grace = await personNamed('Grace Mwangi');
  const before = await allHandovers();
  const page = await stack.signIn(stack.tokens.manager);
  await openHandover(page);
  await fillFlow(page, ['Mei-Lin Chen'], 'Grace Mwangi', {}, 'A move that cannot happen');
  await page.getByRole('button', { name: 'Confirm handover' }).click();

  const error = page.locator('#handover-to-error');
  await error.waitFor();
  expect(await error.innerText()).toBe('Mei-Lin Chen already reports to Grace Mwangi');
  // The message sits with the new-manager field, back on the first step.
  const picker = page.locator('.person-picker').filter({ has: page.getByRole('button', { name: 'Change new manager' }) });
  expect(await picker.locator('#handover-to-error').count()).toBe(1);
  expect(await page.getByRole('alert').first().innerText()).toContain('nothing changed');
  await page.context().close();

  expect((await personNamed('Mei-Lin Chen')).manager?.id).toBe(grace.id);
  expect((await allHandovers()).map((h) => h.id)).toEqual(before.map((h) => h.id));
});
