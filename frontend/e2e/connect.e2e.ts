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
  for (let i = 0; i < 12 && reached.length < 3; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() =>
      document.activeElement?.closest('nav[aria-label="Views"]') ? document.activeElement.textContent : null,
    );
    if (label && !reached.includes(label)) reached.push(label);
  }
  expect(reached).toEqual(['My team', 'Handover', 'Dashboard']);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/dashboard');
  await page.context().close();
});
