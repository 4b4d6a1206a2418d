import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import keyResultChain from './fixtures/key-result-chain.json';
import up1 from './fixtures/objectives-up-1.json';
import up2 from './fixtures/objectives-up-2.json';
import up3 from './fixtures/objectives-up-3.json';
import { KeyResultChainView } from './KeyResultChainView';

// The demo's answers for "Lead four incident reviews and publish their
// write-ups": it needs incident handling, which nobody builds, and
// decision writing, which Mei-Lin Chen builds.
const objectivesById: Record<string, unknown> = Object.fromEntries(
  [up1, up2, up3].map((a) => [a.data.nodes[0].id, a.data.nodes[0]]),
);

function stubServer(node: unknown = keyResultChain.data.node) {
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: { ids?: string[] } };
    if (body.query.includes('query KeyResultChain')) return Response.json({ data: { node } });
    const nodes = (body.variables.ids ?? []).map((id) => objectivesById[id] ?? null);
    return Response.json({ data: { nodes } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('KeyResultChainView', () => {
  test('names the capabilities nobody is building and marks them in the graph', async () => {
    stubServer();
    render(<KeyResultChainView keyResultId="S2V5UmVzdWx0OjM2" />);
    const graph = await screen.findByRole('group', { name: /Chain from the company's objectives through/ });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lead four incident reviews and publish their write-ups');
    const gaps = screen.getByRole('region', { name: /Nobody is building 1 of the 2 capabilities/ });
    expect(within(gaps).getByText('Incident handling at level 4')).toBeTruthy();
    const gap = within(graph).getByRole('button', { name: /^Capability needed: Incident handling at level 4/ });
    expect(gap.getAttribute('aria-label')).toContain('Nobody is building this');
    expect(gap.getAttribute('class')).toContain('gap');
  });

  test('draws the cascade up to the company objective and the goals below', async () => {
    const fetch = stubServer();
    render(<KeyResultChainView keyResultId="S2V5UmVzdWx0OjM2" />);
    const graph = await screen.findByRole('group', { name: /Chain from/ });
    const labels = within(graph)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? '');
    expect(labels.some((l) => l.startsWith('Company objective: Be the most dependable tool'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Execution goal: Write incident reviews that change what we do, Mei-Lin Chen'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Action · Experience: Write and publish the review'))).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  test('opens a goal to link to the plan of whoever holds it', async () => {
    stubServer();
    const user = userEvent.setup();
    render(<KeyResultChainView keyResultId="S2V5UmVzdWx0OjM2" />);
    const graph = await screen.findByRole('group', { name: /Chain from/ });
    await user.click(within(graph).getByRole('button', { name: /^Execution goal: Write incident reviews/ }));
    const details = screen.getByRole('complementary');
    expect(within(details).getByRole('link', { name: "Mei-Lin Chen's plan" }).getAttribute('href')).toBe('#/people/UGVyc29uOjEw/plan');
  });

  test('says when the key result states no capabilities', async () => {
    stubServer({ ...keyResultChain.data.node, capabilityCoverage: [] });
    render(<KeyResultChainView keyResultId="S2V5UmVzdWx0OjM2" />);
    expect(await screen.findByText(/states no capabilities it needs/)).toBeTruthy();
  });

  test('says when there is no such key result', async () => {
    stubServer(null);
    render(<KeyResultChainView keyResultId="gone" />);
    expect(await screen.findByText(/There is no such key result/)).toBeTruthy();
  });
});
