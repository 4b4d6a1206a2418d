// Check-in in a real browser against a real server: Grace records a
// monthly check-in with Mei-Lin Chen, with a private note; the API shows
// it to Grace in full and to HR without the note, and the history puts
// it on top. After a conflict the form offers the plan's new status, and a
// text longer than the server takes is refused beside its field.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, test } from 'vitest';

import { todayISO } from '../src/views/plan/labels';
import { artifacts, type Stack, startStack } from './stack';

let stack: Stack;
let meiLin: string;

beforeAll(async () => {
  stack = await startStack();
  const found = await stack.api(stack.tokens.manager, `{ people(search: "Mei-Lin Chen") { edges { node { id } } } }`);
  meiLin = found.people.edges[0].node.id;
});
afterAll(async () => {
  await stack?.stop();
});

const latestCheckIn = `query($id: ID!) { node(id: $id) { ... on Person { plan {
  status statusReason
  checkIns(first: 1) { totalCount nodes { kind heldOn author { name }
    capabilityBuilding realWork stillHard supportNeeded outputImproved
    observedChange statusAfter statusReason note notePrivate } } } } } }`;

const answers = {
  'What capability are you building?': 'Running an incident across teams.',
  'What real work is building it?': 'The payments latency incident last week.',
  'What is still hard?': 'Deciding early when to page another team.',
  'What support do you need?': 'A seat in the January incident command workshop.',
  'What has improved in your output?': 'Status updates went out every fifteen minutes.',
};
const note = 'Raise the staff path with Rafael before the review.';

test('a monthly check-in with a private note is stored, hidden from HR, and tops the history', async () => {
  const page = await stack.signIn(stack.tokens.manager);
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/check-in`);
  const form = page.getByRole('form', { name: /Record a check-in/ });
  await form.waitFor();
  expect(await page.title()).toBe('Throughline — Check-in: Mei-Lin Chen');
  const before = (await stack.api(stack.tokens.manager, latestCheckIn, { id: meiLin })).node.plan.checkIns.totalCount;

  await form.getByRole('radio', { name: 'Monthly check-in' }).check();
  expect(await form.getByLabel('Held on').inputValue()).toBe(todayISO());
  for (const [question, answer] of Object.entries(answers)) await form.getByLabel(question).fill(answer);
  await form.getByRole('radio', { name: 'Clear improvement' }).check();
  await form.getByLabel('Plan status after the check-in').selectOption('BLOCKED');
  await form.getByLabel('Why is the plan blocked?').fill('Waiting for a workshop seat.');
  await form.getByLabel('Note', { exact: true }).fill(note);
  await form.getByRole('radio', { name: /Private: only you/ }).check();
  await form.getByRole('button', { name: 'Record the check-in' }).click();
  await page.getByText(`Check-in of ${todayISO()} recorded.`).waitFor();

  // Grace, the author, reads everything back, the note included.
  const mine = (await stack.api(stack.tokens.manager, latestCheckIn, { id: meiLin })).node.plan;
  expect(mine.status).toBe('BLOCKED');
  expect(mine.checkIns.totalCount).toBe(before + 1);
  expect(mine.checkIns.nodes[0]).toEqual({
    kind: 'MONTHLY',
    heldOn: todayISO(),
    author: { name: 'Grace Mwangi' },
    capabilityBuilding: answers['What capability are you building?'],
    realWork: answers['What real work is building it?'],
    stillHard: answers['What is still hard?'],
    supportNeeded: answers['What support do you need?'],
    outputImproved: answers['What has improved in your output?'],
    observedChange: 'CLEAR_IMPROVEMENT',
    statusAfter: 'BLOCKED',
    statusReason: 'Waiting for a workshop seat.',
    note,
    notePrivate: true,
  });

  // HR reads the check-in but not the private note.
  const hrs = (await stack.api(stack.tokens.hr, latestCheckIn, { id: meiLin })).node.plan.checkIns.nodes[0];
  expect(hrs.realWork).toBe(answers['What real work is building it?']);
  expect(hrs.notePrivate).toBe(true);
  expect(hrs.note).toBeNull();

  // The history shows it first, with the note its author may read.
  const top = page.getByRole('region', { name: /History/ }).getByRole('article').first();
  await top.getByRole('heading', { name: `Monthly check-in · ${todayISO()}` }).waitFor();
  const text = await top.innerText();
  for (const answer of Object.values(answers)) expect(text).toContain(answer);
  expect(text).toContain('Clear improvement');
  expect(text).toContain(`Private note (only you can read it): ${note}`);

  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'checkin.png'), fullPage: true });
  await page.context().close();
});

test("HR's history marks the private note without showing it", async () => {
  const page = await stack.signIn(stack.tokens.hr);
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/check-in`);
  const top = page.getByRole('region', { name: /History/ }).getByRole('article').first();
  await top.getByRole('heading', { name: `Monthly check-in · ${todayISO()}` }).waitFor();

  const text = await top.innerText();
  expect(text).toContain('Private note: only its author can read it.');
  expect(text).not.toContain(note);
  expect(await page.getByRole('form', { name: /Record a check-in/ }).count()).toBe(0);
  await page.context().close();
});

test("after a conflict, sending the check-in again keeps another manager's status change", async () => {
  const people = await stack.api(stack.tokens.manager, `{ people(search: "Rafael Mendes") { edges { node { id } } } }`);
  const made = await stack.api(
    stack.tokens.admin,
    `mutation($input: CreateTokenInput!) { createToken(input: $input) { secret } }`,
    { input: { personId: people.people.edges[0].node.id, roles: ['MANAGER'], label: 'e2e' } },
  );
  const rafael: string = made.createToken.secret;
  const page = await stack.signIn(stack.tokens.manager);
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/check-in`);
  const form = page.getByRole('form', { name: /Record a check-in/ });
  await form.waitFor();
  const status = form.getByLabel('Plan status after the check-in');
  expect(await status.inputValue()).toBe('BLOCKED');

  // Rafael, above Grace, puts the plan back on track meanwhile.
  const plan = (await stack.api(rafael, `query($id: ID!) { node(id: $id) { ... on Person { plan { id version } } } }`, { id: meiLin }))
    .node.plan;
  await stack.api(
    rafael,
    `mutation($input: SetPlanStatusInput!) { setPlanStatus(input: $input) { userErrors { message } } }`,
    { input: { planId: plan.id, version: plan.version, status: 'ON_TRACK' } },
  );

  await form.getByLabel('What is still hard?').fill('Handing over mid-incident.');
  await form.getByRole('button', { name: 'Record the check-in' }).click();
  await form.getByRole('button', { name: 'Reload the plan' }).click();
  await expect.poll(() => status.inputValue()).toBe('ON_TRACK');
  expect(await form.getByLabel('What is still hard?').inputValue()).toBe('Handing over mid-incident.');
  await form.getByRole('button', { name: 'Record the check-in' }).click();
  await page.getByText(`Check-in of ${todayISO()} recorded.`).waitFor();

  const after = (await stack.api(stack.tokens.manager, latestCheckIn, { id: meiLin })).node.plan;
  expect(after.status).toBe('ON_TRACK');
  expect(after.checkIns.nodes[0]).toMatchObject({ stillHard: 'Handing over mid-incident.', statusAfter: 'ON_TRACK' });
  await page.context().close();
});

test('a note longer than the server takes is refused beside the note, and nothing is recorded', async () => {
  const page = await stack.signIn(stack.tokens.manager);
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/check-in`);
  const form = page.getByRole('form', { name: /Record a check-in/ });
  await form.waitFor();
  const before = (await stack.api(stack.tokens.manager, latestCheckIn, { id: meiLin })).node.plan.checkIns.totalCount;

  const noteField = form.getByLabel('Note', { exact: true });
  await noteField.fill('x'.repeat(30_000));
  await form.getByRole('button', { name: 'Record the check-in' }).click();

  const error = form.getByText('This text is longer than 20000 characters');
  await error.waitFor();
  expect(await noteField.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
  expect(await noteField.getAttribute('aria-invalid')).toBe('true');
  const after = (await stack.api(stack.tokens.manager, latestCheckIn, { id: meiLin })).node.plan.checkIns.totalCount;
  expect(after).toBe(before);
  await page.context().close();
});
