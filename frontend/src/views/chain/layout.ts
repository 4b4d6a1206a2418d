// Places a chain graph's nodes top-down with dagre and sizes each node for
// the lines of text it shows. Pure: the same model gives the same layout,
// with no DOM measuring, so tests can check it and jsdom can render it.
import dagre, { type EdgeLabel, type Graph, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

import type { Badge, ChainEdge, ChainGraphModel, ChainNode, NodeKind } from './graph-model';

/** Sizes the drawing uses; the component draws with the same numbers. */
export const metrics = {
  nodeWidth: 240,
  padding: 10,
  kindLine: 16,
  titleLine: 18,
  subtitleLine: 16,
  badgeLine: 18,
  progressLine: 20,
  /**
   * Characters of a title that fit on one line at the title's size, with
   * room for wide letters: the layout cannot measure text.
   */
  titleChars: 28,
  /** A title longer than this many lines ends in an ellipsis. */
  titleLines: 3,
  /** Characters of badges that fit on one line. */
  badgeChars: 30,
};

/** A node with where it sits (its top-left corner) and its text in lines. */
export interface PlacedNode {
  node: ChainNode;
  x: number;
  y: number;
  width: number;
  height: number;
  titleLines: string[];
  badgeLines: Badge[][];
}

/** An edge as an SVG path from the bottom of one node to the top of the next. */
export interface PlacedEdge extends ChainEdge {
  path: string;
}

export interface ChainLayout {
  width: number;
  height: number;
  /**
   * In the order of the chain: down from the top, each branch to its end
   * before the next one to its right. This is the tab order.
   */
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Lays the graph out from top to bottom. */
export function layoutChain(model: ChainGraphModel): ChainLayout {
  const g = new dagre.graphlib.Graph();
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind]));
  const ranker = rankChain(kinds) as unknown as GraphLabel['ranker'];
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 36, marginx: 16, marginy: 16, ranker });
  g.setDefaultEdgeLabel(() => ({}));
  const sized = new Map(model.nodes.map((n) => [n.id, sizeNode(n)]));
  for (const [id, s] of sized) g.setNode(id, { width: s.width, height: s.height });
  const drawn = model.edges.filter((e) => sized.has(e.from) && sized.has(e.to));
  for (const e of drawn) g.setEdge(e.from, e.to);
  dagre.layout(g);

  const placed = [...sized.values()].map((s) => {
    const { x = 0, y = 0 } = g.node(s.node.id);
    return { ...s, x: x - s.width / 2, y: y - s.height / 2 };
  });
  const nodes = chainOrder(placed, drawn);
  const edges = drawn.map((e) => ({ ...e, path: pathThrough(g.edge(e.from, e.to).points ?? []) }));
  const { width = 0, height = 0 } = g.graph();
  return { width, height, nodes, edges };
}

/**
 * Orders nodes depth first from the roots, left to right, so that Tab
 * follows a chain down to its actions before moving to the next chain.
 */
function chainOrder(nodes: readonly PlacedNode[], edges: readonly ChainEdge[]): PlacedNode[] {
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  const below = new Map<string, PlacedNode[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    const child = byId.get(e.to);
    if (!child) continue;
    below.set(e.from, [...(below.get(e.from) ?? []), child]);
    hasParent.add(e.to);
  }
  const leftFirst = (a: PlacedNode, b: PlacedNode) => a.x - b.x || a.y - b.y;
  const topFirst = (a: PlacedNode, b: PlacedNode) => a.y - b.y || a.x - b.x;
  const out: PlacedNode[] = [];
  const seen = new Set<string>();
  const visit = (n: PlacedNode) => {
    if (seen.has(n.node.id)) return;
    seen.add(n.node.id);
    out.push(n);
    for (const child of [...(below.get(n.node.id) ?? [])].sort(leftFirst)) visit(child);
  };
  nodes.filter((n) => !hasParent.has(n.node.id)).sort(topFirst).forEach(visit);
  [...nodes].sort(topFirst).forEach(visit);
  return out;
}

/**
 * The kinds whose nodes share one rank each, in order from the top: every
 * capability on one row and every goal on the next, however long the
 * cascade above each one is, so that the chain reads in layers.
 */
const alignedKinds: readonly NodeKind[] = ['requirement', 'goal'];

/**
 * A ranker for dagre: each node goes just below the longest path above it,
 * and the aligned kinds each go on the lowest rank any of their nodes
 * needs. It reads the edges' minimum lengths from dagre's own graph, which
 * scales them and adds a root of its own.
 */
function rankChain(kinds: ReadonlyMap<string, NodeKind>) {
  return (g: Graph<GraphLabel, NodeLabel, EdgeLabel>) => {
    const floors = new Map<NodeKind, number>();
    let ranks = longestPaths(g, kinds, floors);
    for (const kind of alignedKinds) {
      const own = g.nodes().filter((v) => kinds.get(v) === kind);
      if (own.length === 0) continue;
      floors.set(kind, Math.max(...own.map((v) => ranks.get(v) ?? 0)));
      ranks = longestPaths(g, kinds, floors);
    }
    for (const v of g.nodes()) g.node(v).rank = ranks.get(v) ?? 0;
  };
}

/** Each node's rank: the longest path down to it, but not above its kind's floor. */
function longestPaths(
  g: Graph<GraphLabel, NodeLabel, EdgeLabel>,
  kinds: ReadonlyMap<string, NodeKind>,
  floors: ReadonlyMap<NodeKind, number>,
): Map<string, number> {
  const ranks = new Map<string, number>();
  const visit = (v: string): number => {
    const known = ranks.get(v);
    if (known !== undefined) return known;
    const kind = kinds.get(v);
    let rank = (kind && floors.get(kind)) ?? 0;
    for (const e of g.inEdges(v) ?? []) rank = Math.max(rank, visit(e.v) + (g.edge(e).minlen ?? 1));
    ranks.set(v, rank);
    return rank;
  };
  g.nodes().forEach(visit);
  return ranks;
}

/** A node's size and its text broken into the lines it shows. */
function sizeNode(node: ChainNode): Omit<PlacedNode, 'x' | 'y'> {
  const m = metrics;
  const titleLines = wrapText(node.title, m.titleChars, m.titleLines);
  const badgeLines = packBadges(node.badges, m.badgeChars);
  const height =
    2 * m.padding +
    m.kindLine +
    titleLines.length * m.titleLine +
    (node.subtitle ? m.subtitleLine : 0) +
    badgeLines.length * m.badgeLine +
    (node.progress !== undefined ? m.progressLine : 0);
  return { node, width: m.nodeWidth, height, titleLines, badgeLines };
}

/**
 * Breaks text into lines of at most `chars` characters at spaces (a word
 * longer than a line is cut), keeping at most `lines` lines; the last
 * ends in an ellipsis when text is left over.
 */
export function wrapText(text: string, chars: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i].length > chars ? `${words[i].slice(0, chars - 1)}…` : words[i];
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars) {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) return ellipsis(out, chars);
  }
  if (line) out.push(line);
  return out.length > 0 ? out : [''];
}

function ellipsis(lines: string[], chars: number): string[] {
  const last = lines[lines.length - 1];
  lines[lines.length - 1] = last.length < chars ? `${last}…` : `${last.slice(0, chars - 1)}…`;
  return lines;
}

/** Puts badges on lines, as many to a line as fit. */
function packBadges(badges: readonly Badge[], chars: number): Badge[][] {
  const lines: Badge[][] = [];
  let width = 0;
  for (const b of badges) {
    const cost = b.label.length + 3;
    const line = lines[lines.length - 1];
    if (line && width + cost <= chars) {
      line.push(b);
      width += cost;
    } else {
      lines.push([b]);
      width = cost;
    }
  }
  return lines;
}

/** A smooth path through dagre's points for an edge. */
function pathThrough(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${round(first.x)},${round(first.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i];
    const q = rest[i + 1];
    d += ` Q${round(p.x)},${round(p.y)} ${round((p.x + q.x) / 2)},${round((p.y + q.y) / 2)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${round(last.x)},${round(last.y)}`;
  return d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
