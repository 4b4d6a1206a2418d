// Connect: a good token signs in and shows who it is; a wrong token and an
// unreachable server each get their own message, and nothing is stored.
// A token revoked while a form is open asks for a new one over the view,
// and what was typed is sent once signed in again.
import { afterAll, beforeAll, expect, test } from 'vitest';

import { type Stack, startStack } from './stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

test('a manager signs in and sees their name and the server release', async () => {
  const page = await stack.signIn(stack.tokens.manager);
  await expect.poll(() => page.locator('.who').innerText()).toContain('Grace Mwangi');
  const { serverInfo } = await stack.api<{ serverInfo: { version: string } }>(
    stack.tokens.manager,
    '{ serverInfo { version } }',
  );
  expect(await page.locator('.versions').innerText()).toContain(`server ${serverInfo.version}`);
  await page.context().close();
});

test('a refused token says so and stays on Connect', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.appUrl}/`);
  await page.getByLabel('Token').fill('tl_wrong-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/refused this token/);
  expect(await page.evaluate(() => sessionStorage.getItem('throughline.token'))).toBeNull();
  await context.close();
});

test('signing out returns to Connect and forgets the token', async () => {
  const page = await stack.signIn(stack.tokens.hr);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Connect' }).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('throughline.token'))).toBeNull();
  await page.context().close();
});

test('the app follows the system theme, light or dark', async () => {
  const background = async (colorScheme: 'light' | 'dark') => {
    const context = await stack.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await context.close();
    return bg;
  };
  const light = await background('light');
  const dark = await background('dark');
  expect(light).toBe('rgb(247, 247, 245)');
  expect(dark).toBe('rgb(21, 23, 27)');
});

test('the keyboard alone reaches every view in the bar', async () => {
  const page = await stack.signIn(stack.tokens.hr);
  const reached: string[] = [];
  for (let i = 0; i < 14 && reached.length < 4; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() =>
      document.activeElement?.closest('nav[aria-label="Views"]') ? document.activeElement.textContent : null,
    );
    if (label && !reached.includes(label)) reached.push(label);
  }
  expect(reached).toEqual(['My team', 'My plan', 'Handover', 'Dashboard']);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/dashboard');
  await page.context().close();
});

/** A fresh token for Grace, made by the admin, and its ID for revoking it. */
async function graceToken(label: string): Promise<{ id: string; secret: string }> {
  const me = await stack.api(stack.tokens.manager, '{ viewer { person { id } } }');
  const made = await stack.api(
    stack.tokens.admin,
    `mutation($input: CreateTokenInput!) { createToken(input: $input) { token { id } secret userErrors { message } } }`,
    { input: { personId: me.viewer.person.id, roles: ['MANAGER'], label } },
  );
  return { id: made.createToken.token.id, secret: made.createToken.secret };
}

test('a token revoked mid-edit asks for a new one over the view, and the edit goes through after', async () => {
  const first = await graceToken('revoked in the e2e test');
  const second = await graceToken('signs in again in the e2e test');
  const found = await stack.api(stack.tokens.manager, '{ people(search: "Mei-Lin Chen") { edges { node { id } } } }');
  const meiLin = found.people.edges[0].node.id;
  const page = await stack.signIn(first.secret);
  await page.goto(`${stack.appUrl}/#/people/${meiLin}/plan`);
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption('BLOCKED');
  await page.getByLabel(/^Reason/).fill('Waiting on the vendor’s fix.');

  await stack.api(
    stack.tokens.admin,
    'mutation($input: RevokeTokenInput!) { revokeToken(input: $input) { userErrors { message } } }',
    { input: { id: first.id } },
  );
  await page.getByRole('button', { name: 'Save the status' }).click();

  const dialog = page.getByRole('dialog', { name: 'Your session ended: sign in again' });
  await dialog.waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
  await dialog.getByLabel('Token').fill(second.secret);
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await page.getByLabel(/^Reason/).inputValue()).toBe('Waiting on the vendor’s fix.');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save the status');

  await page.getByRole('button', { name: 'Save the status' }).click();
  await page.getByRole('button', { name: 'Change status' }).waitFor();
  const plan = await stack.api(
    stack.tokens.manager,
    `query($id: ID!) { node(id: $id) { ... on Person { plan { status statusReason } } } }`,
    { id: meiLin },
  );
  expect(plan.node.plan).toEqual({ status: 'BLOCKED', statusReason: 'Waiting on the vendor’s fix.' });
  await page.context().close();
});

test('Skip to content moves focus to the view and keeps the route', async () => {
  const page = await stack.signIn(stack.tokens.hr);
  await page.goto(`${stack.appUrl}/#/handover`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.location.hash)).toBe('#/handover');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  await page.context().close();
});

test('an address that does not decode shows Not found, not a blank window', async () => {
  const page = await stack.signIn(stack.tokens.hr);
  await page.goto(`${stack.appUrl}/#/handover/packs/%%%`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to My team' }).click();
  await page.getByRole('heading', { name: 'My team' }).waitFor();
  await page.context().close();
});
