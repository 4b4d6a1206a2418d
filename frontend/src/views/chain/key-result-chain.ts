// A key result's chain as a graph: the cascade above it up to the company
// objectives, and below it each capability it needs, the goals of the
// people building it and their actions. A capability nobody builds is
// marked as the gap it is.
import type { ChainGraphModel, ChainNode } from './graph-model';
import { GraphBuilder } from './graph-model';
import type { KeyResultChainQuery, ObjectivesUpQuery, ObjectiveUpFragment } from './KeyResultChain.generated';
import { actionNode, goalNode, keyResultNode, objectiveNode, requirementNode } from './nodes';

/** The key result as the KeyResultChain query answers it. */
export type FocusKeyResult = Extract<NonNullable<KeyResultChainQuery['node']>, { __typename: 'KeyResult' }>;

/** Objectives by ID, as far up as they are loaded. */
export type Objectives = ReadonlyMap<string, ObjectiveUpFragment>;

/** Fetches objectives by ID (the ObjectivesUp query). */
export type FetchObjectives = (ids: string[]) => Promise<ObjectivesUpQuery>;

/** The most objectives one request asks for, as nodes(ids:) allows. */
const idsPerRequest = 50;

/** How many steps up the climb takes at most: far above any cascade. */
const maxSteps = 12;

/** The key result if the node is one. */
export function asKeyResult(node: KeyResultChainQuery['node']): FocusKeyResult | undefined {
  return node?.__typename === 'KeyResult' ? node : undefined;
}

/**
 * The IDs of objectives above `startId` that are referred to but not
 * loaded yet.
 */
export function missingObjectives(objectives: Objectives, startId: string): string[] {
  const missing = new Set<string>();
  const seen = new Set<string>();
  const stack = [startId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const o = objectives.get(id);
    if (!o) {
      missing.add(id);
      continue;
    }
    for (const p of o.alignedTo) stack.push(p.__typename === 'KeyResult' ? p.objective.id : p.id);
  }
  return [...missing];
}

/**
 * Loads the objectives above the key result's objective, one level of the
 * cascade per request, until every path reaches an objective that aligns
 * to nothing. An objective the server does not answer is left out.
 */
export async function climb(start: ObjectiveUpFragment, fetch: FetchObjectives): Promise<Map<string, ObjectiveUpFragment>> {
  const objectives = new Map([[start.id, start]]);
  const asked = new Set<string>([start.id]);
  for (let step = 0; step < maxSteps; step++) {
    const ids = missingObjectives(objectives, start.id).filter((id) => !asked.has(id));
    if (ids.length === 0) break;
    ids.forEach((id) => asked.add(id));
    const answer = await fetch(ids.slice(0, idsPerRequest));
    for (const n of answer.nodes) {
      if (isObjective(n)) objectives.set(n.id, n);
    }
  }
  return objectives;
}

function isObjective(n: ObjectivesUpQuery['nodes'][number]): n is ObjectiveUpFragment {
  return n !== null && 'alignedTo' in n;
}

/** Builds the graph of a key result's chain. */
export function buildKeyResultChain(kr: FocusKeyResult, objectives: Objectives): ChainGraphModel {
  const b = new GraphBuilder();
  b.add(focusNode(kr));
  addObjective(b, objectives, kr.objective.id, kr.id);
  for (const c of kr.capabilityCoverage) {
    const req = b.add(requirementNode(c.requirement, kr.id));
    b.link(kr.id, req.id);
    if (!c.covered) markGap(req);
    markUndrawn(req, c.goals.totalCount - c.goals.nodes.length);
    for (const g of c.goals.nodes) {
      const owner = g.plan.person;
      b.add(goalNode(g, g.actions, owner, g.plan.status));
      b.link(req.id, g.id);
      b.list(g.id, g.actions.map((a) => actionNode(a, owner)));
    }
  }
  return b.build();
}

/** The key result the view is about, with its owner and metric. */
function focusNode(kr: FocusKeyResult): ChainNode {
  const node = keyResultNode(kr, true);
  node.fields.push({ label: 'Owner', value: kr.owner?.name ?? 'Nobody named' });
  if (kr.metric) {
    const m = kr.metric;
    const now = m.current === null ? 'no value yet' : `now ${m.current}`;
    node.fields.push({ label: 'Metric', value: `from ${m.start ?? 0} to ${m.target} ${m.unit}, ${now}` });
  }
  return node;
}

/**
 * Adds an objective above `childId` and, the first time it is met, what
 * it aligns to, as far up as the objectives are loaded.
 */
function addObjective(b: GraphBuilder, objectives: Objectives, id: string, childId: string): void {
  const o = objectives.get(id);
  if (!o) return;
  const fresh = !b.has(o.id);
  const node = b.add(objectiveNode(o));
  b.link(o.id, childId);
  if (!fresh) return;
  if (o.alignedTo.length === 0 && o.level !== 'COMPANY') {
    node.badges.push({ label: 'No company objective above', tone: 'warn' });
  }
  for (const p of o.alignedTo) {
    if (p.__typename === 'Objective') {
      addObjective(b, objectives, p.id, o.id);
      continue;
    }
    const known = b.has(p.id);
    b.add(keyResultNode(p));
    b.link(p.id, o.id);
    if (!known) addObjective(b, objectives, p.objective.id, p.id);
  }
}

/** Says how many more goals build a capability than the graph draws. */
function markUndrawn(node: ChainNode, more: number): void {
  if (more <= 0) return;
  const goals = more === 1 ? 'goal' : 'goals';
  node.badges.push({ label: `${more} more ${goals} not drawn`, tone: 'info' });
  node.fields.push({ label: 'Not drawn', value: `${more} more active ${goals} build this capability.` });
}

/** Marks a capability nobody is building. */
function markGap(node: ChainNode): void {
  node.gap = true;
  node.badges.push({ label: 'Nobody is building this', tone: 'bad' });
  node.fields.push({ label: 'Coverage', value: 'Nobody is building this capability through an active goal.' });
}
