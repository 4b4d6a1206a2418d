// Connect: a good token signs in and shows who it is; a wrong token and an
// unreachable server each get their own message, and nothing is stored.
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
  expect(await page.locator('.versions').innerText()).toMatch(/server dev/);
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
