import { describe, expect, test } from 'vitest';

import type { PersonChainQuery } from './Chain.generated';
import personChain from './fixtures/person-chain.json';
import type { ChainGraphModel, ChainNode, NodeKind } from './graph-model';
import { type ChainLayout, layoutChain, wrapText } from './layout';
import { buildPersonChain } from './person-chain';

// Mei-Lin Chen's chain as the demo server answers it: two execution goals
// whose paths up share a key result and three objectives, and a career
// goal with no key result.
const chain = (personChain.data as unknown as PersonChainQuery).chain!;

function placed(l: ChainLayout, id: string) {
  const p = l.nodes.find((n) => n.node.id === id);
  if (!p) throw new Error(`no node ${id}`);
  return p;
}

function node(id: string, kind: NodeKind): ChainNode {
  return { id, kind, kindLabel: kind, title: id, badges: [], fields: [], links: [] };
}

describe('layoutChain', () => {
  const model = buildPersonChain(chain);
  const layout = layoutChain(model);

  test('draws an object that several paths reach once', () => {
    const ids = layout.nodes.map((n) => n.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shared = 'S2V5UmVzdWx0OjI0'; // the key result both execution goals lead up through
    expect(ids.filter((id) => id === shared)).toHaveLength(1);
    const company = layout.nodes.filter((n) => n.node.kindLabel === 'Company objective');
    expect(company.map((n) => n.node.title)).toEqual(['Be the most dependable tool a dispatcher opens in the morning']);
  });

  test('places every edge from a higher node to a lower one', () => {
    expect(layout.edges.length).toBe(model.edges.length);
    for (const e of layout.edges) {
      const from = placed(layout, e.from);
      const to = placed(layout, e.to);
      expect(from.y + from.height, `${e.from} above ${e.to}`).toBeLessThan(to.y);
      expect(e.path).toMatch(/^M/);
    }
  });

  test('puts the company objective at the top and the actions at the bottom', () => {
    const top = Math.min(...layout.nodes.map((n) => n.y));
    const company = layout.nodes.find((n) => n.node.kindLabel === 'Company objective')!;
    expect(company.y).toBe(top);
    const goalsBottom = Math.max(...layout.nodes.filter((n) => n.node.kind === 'goal').map((n) => n.y + n.height));
    for (const n of layout.nodes.filter((x) => x.node.kind === 'action' || x.node.kind === 'checkIn')) {
      expect(n.y).toBeGreaterThan(goalsBottom);
    }
  });

  test('lists nodes in the order of the chain: each after a node above it', () => {
    const order = layout.nodes.map((n) => n.node.id);
    for (const id of order) {
      const parents = model.edges.filter((e) => e.to === id).map((e) => order.indexOf(e.from));
      if (parents.length > 0) expect(Math.min(...parents), id).toBeLessThan(order.indexOf(id));
    }
    const goal = chain.goals[0];
    const at = order.indexOf(goal.actions[0].id);
    expect(order.slice(at, at + goal.actions.length)).toEqual(goal.actions.map((a) => a.id));
  });

  test("draws a goal's actions as one column under it", () => {
    for (const gc of chain.goals) {
      const column = gc.actions.map((a) => placed(layout, a.id));
      expect(new Set(column.map((n) => n.x)).size, gc.goal.title).toBe(1);
      for (let i = 1; i < column.length; i++) expect(column[i].y).toBeGreaterThan(column[i - 1].y + column[i - 1].height);
    }
    expect(layout.edges.filter((e) => e.list)).toHaveLength(model.edges.filter((e) => e.list).length);
  });

  test('puts every capability on one row and every goal on the next', () => {
    const middles = (kind: NodeKind) => new Set(layout.nodes.filter((n) => n.node.kind === kind).map((n) => n.y + n.height / 2));
    expect(middles('requirement').size).toBe(1);
    expect(middles('goal').size).toBe(1);
    expect([...middles('requirement')][0]).toBeLessThan([...middles('goal')][0]);
  });

  test('keeps a goal with nothing above it on the rank of the other goals', () => {
    const m: ChainGraphModel = {
      nodes: [node('o', 'objective'), node('kr', 'keyResult'), node('g1', 'goal'), node('g2', 'goal'), node('a1', 'action'), node('a2', 'action')],
      edges: [
        { from: 'o', to: 'kr' },
        { from: 'kr', to: 'g1' },
        { from: 'g1', to: 'a1' },
        { from: 'g2', to: 'a2' },
      ],
    };
    const l = layoutChain(m);
    expect(placed(l, 'g2').y).toBe(placed(l, 'g1').y);
    expect(l.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['o>kr', 'kr>g1', 'g1>a1', 'g2>a2']);
  });

  test('sizes the drawing to hold every node', () => {
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });
});

describe('wrapText', () => {
  test.each([
    ['short', 10, 3, ['short']],
    ['one two three four', 9, 3, ['one two', 'three', 'four']],
    ['one two three four five six', 9, 2, ['one two', 'three…']],
    ['abcdefghijklmnop', 6, 2, ['abcde…']],
    ['', 10, 2, ['']],
  ])('%j in %i columns, %i lines', (text, chars, lines, want) => {
    expect(wrapText(text, chars, lines)).toEqual(want);
  });

  test('no line is longer than the columns given', () => {
    const text = 'Keep the route-planning API available 99.95% of the time, every single day of the quarter';
    for (const line of wrapText(text, 30, 3)) expect(line.length).toBeLessThanOrEqual(30);
  });
});
