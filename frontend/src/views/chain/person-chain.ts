// A person's chain as a graph: each goal's paths up to the company
// objectives, the capability its key result needs, the goal, and below it
// its actions and the plan's latest check-ins.
import type { PersonChainQuery } from './Chain.generated';
import { type ChainGraphModel, GraphBuilder } from './graph-model';
import { actionNode, checkInNode, goalNode, keyResultNode, objectiveNode, requirementNode } from './nodes';

type Chain = NonNullable<PersonChainQuery['chain']>;
type GoalChain = Chain['goals'][number];

/** Builds the graph of a person's chain; shared objects appear once. */
export function buildPersonChain(chain: Chain): ChainGraphModel {
  const b = new GraphBuilder();
  for (const gc of chain.goals) addGoal(b, chain, gc);
  return b.build();
}

function addGoal(b: GraphBuilder, chain: Chain, gc: GoalChain): void {
  const { goal } = gc;
  const keyResultId = addPathsUp(b, gc);
  const above = addCapability(b, gc, keyResultId);

  b.add(goalNode(goal, gc.actions, chain.person, chain.plan?.status));
  if (above) b.link(above, goal.id);

  b.list(goal.id, gc.actions.map((a) => actionNode(a, chain.person)));
  // The check-ins are the plan's, the same under every goal: one list
  // that each goal leads to.
  b.list(goal.id, gc.latestCheckIns.map((c) => checkInNode(c, chain.person)));
}

/**
 * Adds every path from the goal's key result up, linking each step to the
 * one below it, and answers the key result's ID (undefined for a goal
 * that serves none, such as most career goals).
 */
function addPathsUp(b: GraphBuilder, gc: GoalChain): string | undefined {
  for (const path of gc.pathsUp) {
    const nodes = path.steps.map((s) => b.add(s.__typename === 'KeyResult' ? keyResultNode(s) : objectiveNode(s)));
    for (let i = 0; i + 1 < nodes.length; i++) b.link(nodes[i + 1].id, nodes[i].id);
    const top = nodes[nodes.length - 1];
    if (top && !path.reachesCompanyObjective) markShortPath(top);
  }
  const kr = gc.goal.keyResult;
  if (kr) b.add(keyResultNode(kr));
  return kr?.id ?? gc.pathsUp[0]?.steps[0]?.id;
}

/** Flags the top of a path that stops short of the company's objectives. */
function markShortPath(top: ReturnType<GraphBuilder['add']>): void {
  if (top.badges.some((x) => x.label === 'No company objective above')) return;
  top.badges.push({ label: 'No company objective above', tone: 'warn' });
  top.fields.push({ label: 'Alignment', value: 'Its path up stops before reaching a company objective.' });
}

/**
 * Adds the capability the goal builds between its key result and the
 * goal: the key result's stated requirement when there is one, else the
 * goal's capability on its own. Answers the node the goal hangs from.
 */
function addCapability(b: GraphBuilder, gc: GoalChain, keyResultId: string | undefined): string | undefined {
  const { goal, requirement } = gc;
  if (requirement && keyResultId) {
    const node = b.add(requirementNode(requirement, keyResultId));
    addGap(node, gc);
    b.link(keyResultId, node.id);
    return node.id;
  }
  if (!goal.capability) return keyResultId;
  const id = `capability:${goal.capability.id}:${keyResultId ?? goal.id}`;
  b.add({
    id,
    kind: 'requirement',
    kindLabel: 'Capability built',
    title: goal.targetLevel ? `${goal.capability.name} to level ${goal.targetLevel}` : goal.capability.name,
    badges: keyResultId ? [{ label: 'No requirement stated', tone: 'warn' }] : [],
    fields: [
      { label: 'Capability', value: goal.capability.name },
      { label: 'Target level', value: goal.targetLevel ? String(goal.targetLevel) : 'Not set' },
    ],
    links: [],
  });
  if (keyResultId) b.link(keyResultId, id);
  return id;
}

/** Adds the person's gap in the capability to the requirement's node. */
function addGap(node: ReturnType<GraphBuilder['add']>, gc: GoalChain): void {
  const gap = gc.goal.gap;
  if (!gap || node.fields.some((f) => f.label === 'Assessed level')) return;
  node.fields.push({ label: 'Assessed level', value: gap.current === 0 ? 'Never assessed' : String(gap.current) });
  const short = gap.required - gap.current;
  node.badges.push(short > 0 ? { label: `Gap of ${short}`, tone: 'warn' } : { label: 'No gap', tone: 'ok' });
}
