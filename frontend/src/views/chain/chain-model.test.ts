import { describe, expect, test, vi } from 'vitest';

import type { PersonChainQuery } from './Chain.generated';
import keyResultChain from './fixtures/key-result-chain.json';
import up1 from './fixtures/objectives-up-1.json';
import up2 from './fixtures/objectives-up-2.json';
import up3 from './fixtures/objectives-up-3.json';
import personChain from './fixtures/person-chain.json';
import type { ChainGraphModel } from './graph-model';
import { asKeyResult, buildKeyResultChain, climb, missingObjectives } from './key-result-chain';
import type { KeyResultChainQuery, ObjectivesUpQuery } from './KeyResultChain.generated';
import { buildPersonChain } from './person-chain';

const chain = (personChain.data as unknown as PersonChainQuery).chain!;
const kr = asKeyResult((keyResultChain.data as unknown as KeyResultChainQuery).node)!;
const answers = [up1, up2, up3].map((a) => a.data as unknown as ObjectivesUpQuery);

function edgesOf(m: ChainGraphModel): string[] {
  return m.edges.map((e) => `${e.from}>${e.to}`);
}

function byTitle(m: ChainGraphModel, title: string) {
  const n = m.nodes.find((x) => x.title === title);
  if (!n) throw new Error(`no node titled ${title}`);
  return n;
}

describe('buildPersonChain', () => {
  const model = buildPersonChain(chain);

  test('has a node for every goal, action and check-in, once', () => {
    const goals = chain.goals.map((g) => g.goal.id);
    const actions = chain.goals.flatMap((g) => g.actions.map((a) => a.id));
    const checkIns = new Set(chain.goals.flatMap((g) => g.latestCheckIns.map((c) => c.id)));
    const ids = model.nodes.map((n) => n.id);
    for (const id of [...goals, ...actions, ...checkIns]) expect(ids.filter((x) => x === id)).toHaveLength(1);
    expect(model.nodes.filter((n) => n.kind === 'checkIn')).toHaveLength(checkIns.size);
  });

  test('links key result, capability needed and goal in that order', () => {
    const gc = chain.goals[0];
    expect(edgesOf(model)).toContain(`${gc.goal.keyResult!.id}>${gc.requirement!.id}`);
    expect(edgesOf(model)).toContain(`${gc.requirement!.id}>${gc.goal.id}`);
  });

  test('links each step of a path to the step below it', () => {
    const steps = chain.goals[1].pathsUp[0].steps;
    for (let i = 0; i + 1 < steps.length; i++) expect(edgesOf(model)).toContain(`${steps[i + 1].id}>${steps[i].id}`);
  });

  test('shows the plan status on goals and done or due on actions', () => {
    const goal = byTitle(model, 'Lead incidents from the first page to restore');
    expect(goal.badges.map((b) => b.label)).toContain('On track');
    expect(goal.progress).toBeCloseTo(2 / 3);
    expect(byTitle(model, 'Incident command workshop (two days)').badges[0]).toEqual({ label: 'Due 2026-12-25', tone: 'muted' });
    expect(byTitle(model, 'Shadow Yusuf as incident commander on a cross-team incident').badges[0].tone).toBe('ok');
  });

  test("links a key result to its own chain and a goal to the person's plan", () => {
    const node = byTitle(model, 'Bring mean time to restore from 95 to 30 minutes');
    expect(node.links.map((l) => l.href)).toEqual(['#/key-results/S2V5UmVzdWx0OjI0/chain']);
    const goal = byTitle(model, 'Grow into a staff site reliability engineer');
    expect(goal.links.map((l) => l.href)).toEqual([`#/people/${chain.person.id}/plan`]);
  });

  test('flags the top of a path that reaches no company objective', () => {
    const cut = structuredClone(chain);
    cut.goals[0].pathsUp[0].steps = cut.goals[0].pathsUp[0].steps.slice(0, 2);
    cut.goals[0].pathsUp[0].reachesCompanyObjective = false;
    cut.goals = [cut.goals[0]];
    const top = byTitle(buildPersonChain(cut), 'Make the routing API boringly reliable');
    expect(top.badges.map((b) => b.label)).toContain('No company objective above');
  });

  test('shows the gap between the level needed and the level assessed', () => {
    const req = byTitle(model, 'Incident handling at level 4');
    expect(req.badges).toContainEqual({ label: 'Gap of 1', tone: 'warn' });
    expect(req.fields).toContainEqual({ label: 'Assessed level', value: '3' });
  });
});

describe('the climb above a key result', () => {
  test('asks for each missing objective once, a level at a time, until the top', async () => {
    const fetch = vi.fn(async (_ids: string[]) => answers[fetch.mock.calls.length - 1]);
    const objectives = await climb(kr.objective, fetch);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([['T2JqZWN0aXZlOjEy'], ['T2JqZWN0aXZlOjk'], ['T2JqZWN0aXZlOjc']]);
    expect(missingObjectives(objectives, kr.objective.id)).toEqual([]);
    expect(objectives.size).toBe(4);
  });

  test('stops when the server does not answer an objective', async () => {
    const fetch = vi.fn(async (): Promise<ObjectivesUpQuery> => ({ nodes: [null] }));
    const objectives = await climb(kr.objective, fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect([...objectives.keys()]).toEqual([kr.objective.id]);
  });
});

describe('buildKeyResultChain', () => {
  async function model() {
    let call = 0;
    return buildKeyResultChain(kr, await climb(kr.objective, async () => answers[call++]));
  }

  test('runs from the company objective down through the key result', async () => {
    const m = await model();
    const company = byTitle(m, 'Be the most dependable tool a dispatcher opens in the morning');
    expect(company.kindLabel).toBe('Company objective');
    const focus = m.nodes.filter((n) => n.focus);
    expect(focus.map((n) => n.id)).toEqual([kr.id]);
    expect(edgesOf(m)).toContain(`${kr.objective.id}>${kr.id}`);
  });

  test('marks the capability nobody builds, and hangs the goals under the others', async () => {
    const m = await model();
    const open = byTitle(m, 'Incident handling at level 4');
    expect(open.gap).toBe(true);
    expect(open.badges).toContainEqual({ label: 'Nobody is building this', tone: 'bad' });
    const built = byTitle(m, 'Technical decision writing at level 3');
    expect(built.gap).toBeUndefined();
    const goal = byTitle(m, 'Write incident reviews that change what we do');
    expect(goal.subtitle).toBe('Mei-Lin Chen');
    expect(edgesOf(m)).toContain(`${built.id}>${goal.id}`);
    expect(edgesOf(m).filter((e) => e.startsWith(`${open.id}>`))).toEqual([]);
    expect(built.badges.map((b) => b.label)).not.toContain(expect.stringMatching(/not drawn/));
  });

  test('says how many goals build a capability beyond the page it draws', () => {
    const coverage = kr.capabilityCoverage.map((c) =>
      c.covered ? { ...c, goals: { ...c.goals, totalCount: c.goals.nodes.length + 12 } } : c,
    );
    const m = buildKeyResultChain({ ...kr, capabilityCoverage: coverage }, new Map());
    const built = byTitle(m, 'Technical decision writing at level 3');
    expect(built.badges).toContainEqual({ label: '12 more goals not drawn', tone: 'info' });
    const note = { label: 'Not drawn', value: '12 more active goals build this capability.' };
    expect(built.fields).toContainEqual(note);
  });
});
