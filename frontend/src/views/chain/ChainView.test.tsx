import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { grace, kenji, renderAs } from '../plan/fake-server';
import type { PersonChainQuery } from './Chain.generated';
import { ChainView } from './ChainView';
import personChain from './fixtures/person-chain.json';

type Answer = (variables: Record<string, unknown>) => unknown;

/** Answers each operation by name, as the server would, and records the calls. */
function stubServer(answers: Record<string, Answer>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    calls.push({ operation, variables: body.variables });
    const answer = answers[operation];
    if (!answer) return Response.json({ errors: [{ message: `no stub for ${operation}` }] });
    return Response.json({ data: answer(body.variables) });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const meiLin = 'UGVyc29uOjEw';
const data = personChain.data as unknown as PersonChainQuery;

function withChain(change: (c: NonNullable<PersonChainQuery['chain']>) => void): PersonChainQuery {
  const copy = structuredClone(data);
  change(copy.chain!);
  return copy;
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ChainView', () => {
  test('draws the company objective and every goal, with the person, cycle and plan status', async () => {
    stubServer({ PersonChain: () => data });
    render(<ChainView personId={meiLin} />);
    const graph = await screen.findByRole('group', { name: /Chain from the company's objectives/ });
    const title = screen.getByRole('heading', { level: 1 });
    expect(title.textContent).toBe('Chain of Mei-Lin Chen');
    const header = within(title.parentElement!);
    expect(header.getByText(/Cycle 2026-Q4/)).toBeTruthy();
    expect(header.getByText('On track')).toBeTruthy();
    const nodes = within(graph).getAllByRole('button');
    const labels = nodes.map((n) => n.getAttribute('aria-label'));
    expect(labels).toContain('Company objective: Be the most dependable tool a dispatcher opens in the morning, 64% mean progress of its key results');
    for (const g of data.chain!.goals) expect(labels.some((l) => l?.includes(g.goal.title))).toBe(true);
    for (const n of nodes) expect(n.getAttribute('tabindex')).toBe('0');
  });

  test('Enter on a focused node opens its details, and Escape goes back to the node', async () => {
    stubServer({ PersonChain: () => data });
    const user = userEvent.setup();
    render(<ChainView personId={meiLin} />);
    const graph = await screen.findByRole('group', { name: /Chain from/ });
    const kr = within(graph).getByRole('button', { name: /^Key result: Bring mean time to restore/ });
    kr.focus();
    await user.keyboard('{Enter}');
    const details = screen.getByRole('complementary');
    const heading = within(details).getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('Bring mean time to restore from 95 to 30 minutes');
    expect(document.activeElement).toBe(heading);
    expect(within(details).getByText('72%', { selector: 'dd' })).toBeTruthy();
    const link = within(details).getByRole('link', { name: 'Who builds the capabilities it needs' });
    expect(link.getAttribute('href')).toBe('#/key-results/S2V5UmVzdWx0OjI0/chain');
    await user.keyboard('{Escape}');
    expect(within(details).getByRole('heading', { level: 2 }).textContent).toBe('Details');
    expect(document.activeElement).toBe(kr);
  });

  test('Space and a click open details too', async () => {
    stubServer({ PersonChain: () => data });
    const user = userEvent.setup();
    render(<ChainView personId={meiLin} />);
    const graph = await screen.findByRole('group', { name: /Chain from/ });
    within(graph).getByRole('button', { name: /^Action · Education: Incident command workshop/ }).focus();
    await user.keyboard(' ');
    const details = screen.getByRole('complementary');
    expect(within(details).getByRole('heading', { level: 2 }).textContent).toBe('Incident command workshop (two days)');
    expect(within(details).getByText('Tomasz Wójcik (coach)')).toBeTruthy();
    await user.click(within(graph).getByRole('button', { name: /^Quarterly review: Held 2026-10-08/ }));
    expect(within(details).getByRole('heading', { level: 2 }).textContent).toBe('Held 2026-10-08');
    expect(within(details).getByRole('link', { name: /Check-ins with Mei-Lin Chen/ }).getAttribute('href')).toBe(`#/people/${meiLin}/check-in`);
  });

  test('zooms the drawing out and back to fit', async () => {
    stubServer({ PersonChain: () => data });
    const user = userEvent.setup();
    render(<ChainView personId={meiLin} />);
    const graph = await screen.findByRole('group', { name: /Chain from/ });
    const width = () => Number(graph.getAttribute('width'));
    const full = width();
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(Math.abs(width() - full * 0.9)).toBeLessThanOrEqual(1);
    expect(screen.getByRole('button', { name: 'Fit width' }).getAttribute('aria-pressed')).toBe('false');
    await user.click(screen.getByRole('button', { name: 'Fit width' }));
    expect(width()).toBe(full);
  });

  test('asks for the cycle picked', async () => {
    const calls = stubServer({ PersonChain: () => data });
    const user = userEvent.setup();
    render(<ChainView personId={meiLin} />);
    await screen.findByRole('group', { name: /Chain from/ });
    await user.selectOptions(screen.getByLabelText('Cycle'), '2026-Q3');
    await waitFor(() => expect(calls.at(-1)?.variables).toEqual({ personId: meiLin, cycle: '2026-Q3' }));
    expect(calls[0].variables).toEqual({ personId: meiLin, cycle: null });
  });

  test('says when the person has no plan in the cycle, to a manager above them', async () => {
    const calls = stubServer({
      PersonChain: () => withChain((c) => ((c.plan = null), (c.goals = []))),
      ManagerLine: () => ({ node: { __typename: 'Person', id: meiLin, manager: { id: grace.personId, manager: null } } }),
    });
    renderAs(grace, <ChainView personId={meiLin} />);
    expect(await screen.findByText(/Mei-Lin Chen has no development plan in 2026-Q4/)).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByRole('link', { name: "Open Mei-Lin Chen's plan" }).getAttribute('href')).toBe(`#/people/${meiLin}/plan`);
    expect(calls.find((c) => c.operation === 'ManagerLine')?.variables).toEqual({ personId: meiLin });
  });

  test("says that no plan is visible, rather than that none exists, outside the viewer's line", async () => {
    stubServer({
      PersonChain: () => withChain((c) => ((c.plan = null), (c.goals = []))),
      ManagerLine: () => ({
        node: { __typename: 'Person', id: meiLin, manager: { id: 'UGVyc29uOjk5', manager: { id: 'UGVyc29uOjE', manager: null } } },
      }),
    });
    renderAs(grace, <ChainView personId={meiLin} />);
    expect(await screen.findByText(/No plan you can see for 2026-Q4/)).toBeTruthy();
    expect(screen.queryByText(/has no development plan/)).toBeNull();
  });

  test('HR reads every plan, so a missing one does not exist', async () => {
    stubServer({ PersonChain: () => withChain((c) => ((c.plan = null), (c.goals = []))) });
    renderAs(kenji, <ChainView personId={meiLin} />);
    expect(await screen.findByText(/Mei-Lin Chen has no development plan in 2026-Q4/)).toBeTruthy();
  });

  test('says when the plan has no goals', async () => {
    stubServer({ PersonChain: () => withChain((c) => (c.goals = [])) });
    render(<ChainView personId={meiLin} />);
    expect(await screen.findByText(/plan for 2026-Q4 has no goals yet/)).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });

  test('says when there is no chain at all', async () => {
    stubServer({ PersonChain: () => ({ ...data, chain: null }) });
    render(<ChainView personId="nobody" />);
    expect(await screen.findByText(/There is no chain to show/)).toBeTruthy();
  });

  test('shows a failure with a way to try again', async () => {
    stubServer({});
    render(<ChainView personId={meiLin} />);
    expect((await screen.findByRole('alert')).textContent).toContain('no stub for PersonChain');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
