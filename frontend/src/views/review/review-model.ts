// The rules of the quarterly review screen, kept apart from React so that
// tests can check them with plain data: which two cycles a review moves a
// plan between, which goals wait for a decision, what the decisions must
// hold before they are sent, and which goal a server's userError is about.
import type { UserError } from '../../api/hooks';
import type { GoalDecision, PlanStatus } from '../../api/schema';
import type { KeyResultChoiceFragment, NewCyclePlanFragment, ReviewedPlanFragment } from './Review.generated';

/** A plan of one cycle holds at most this many active execution goals. */
export const maxExecutionGoals = 2;

export interface CycleDates {
  name: string;
  startsOn: string;
}

/** A plan as far as telling whether it waits for its review goes. */
export interface PlanState {
  status: PlanStatus;
  quarterlyReviewHeld: boolean;
}

/** The cycle a review closes and the one it resets the plan into. */
export interface ReviewCycles {
  from: string;
  into: string;
}

/** Why no review can be worked out from the cycles. */
export type NoReview =
  | { reason: 'noSuchCycle'; cycle: string }
  | { reason: 'firstCycle'; cycle: string }
  | { reason: 'noPlan' }
  | { reason: 'noLaterCycle'; cycle: string };

/**
 * Whether a plan waits for the quarterly review that resets it: it is
 * NEEDS_RESET and no review is held on it. (The server also asks that the
 * person had a plan in the cycle before, which only its plan there shows.)
 */
export function waitsForReview(plan: PlanState | null | undefined): boolean {
  return !!plan && plan.status === 'NEEDS_RESET' && !plan.quarterlyReviewHeld;
}

/** The cycles in date order, oldest first. */
function inOrder<C extends CycleDates>(cycles: readonly C[]): C[] {
  return [...cycles].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name));
}

/** The cycle that starts last before the named one starts, if any. */
export function cycleBefore<C extends CycleDates>(cycles: readonly C[], name: string): C | undefined {
  const sorted = inOrder(cycles);
  const at = sorted.find((c) => c.name === name);
  return at && sorted.filter((c) => c.startsOn < at.startsOn).pop();
}

/** The first cycle to start after the named one starts, if any. */
export function cycleAfter<C extends CycleDates>(cycles: readonly C[], name: string): C | undefined {
  const sorted = inOrder(cycles);
  const at = sorted.find((c) => c.name === name);
  return at && sorted.find((c) => c.startsOn > at.startsOn);
}

/**
 * The two cycles a review would move the person's plan between. With a
 * cycle named (the new one), from the cycle before it. Without, from the
 * person's current plan: into its own cycle when it waits for its review,
 * else into the cycle after it.
 */
export function reviewCycles(
  cycles: readonly CycleDates[],
  current: (PlanState & { cycle: { name: string } }) | null,
  named?: string,
): ReviewCycles | NoReview {
  if (named) {
    if (!cycles.some((c) => c.name === named)) return { reason: 'noSuchCycle', cycle: named };
    const before = cycleBefore(cycles, named);
    return before ? { from: before.name, into: named } : { reason: 'firstCycle', cycle: named };
  }
  if (!current) return { reason: 'noPlan' };
  const own = current.cycle.name;
  const before = cycleBefore(cycles, own);
  if (waitsForReview(current) && before) return { from: before.name, into: own };
  const after = cycleAfter(cycles, own);
  return after ? { from: own, into: after.name } : { reason: 'noLaterCycle', cycle: own };
}

export function isReviewCycles(r: ReviewCycles | NoReview): r is ReviewCycles {
  return 'into' in r;
}

type Goal = ReviewedPlanFragment['executionGoals'][number];

/**
 * The goals waiting for a decision: the earlier plan's active execution
 * goals that the new plan does not already continue.
 */
export function openGoals(earlier: ReviewedPlanFragment, later: NewCyclePlanFragment | null): Goal[] {
  const continued = new Set((later?.executionGoals ?? []).map((g) => g.carriedFrom?.id).filter(Boolean));
  return earlier.executionGoals.filter((g) => g.state === 'ACTIVE' && !continued.has(g.id));
}

/** The career goals that carry forward into the new plan: the active ones. */
export function careerGoalsCarried(earlier: ReviewedPlanFragment): ReviewedPlanFragment['careerGoals'] {
  return earlier.careerGoals.filter((g) => g.state === 'ACTIVE');
}

/** How many goals may still be carried over: the new plan's free execution slots. */
export function slotsLeft(later: NewCyclePlanFragment | null): number {
  const taken = (later?.executionGoals ?? []).filter((g) => g.state === 'ACTIVE').length;
  return Math.max(maxExecutionGoals - taken, 0);
}

/** One goal's decision as the form holds it: nothing chosen yet is ''. */
export interface DecisionValue {
  decision: GoalDecision | '';
  keyResultId: string;
}

/** Problems with the decisions: by goal ID, and about them all. */
export interface DecisionProblems {
  byGoal: Record<string, string>;
  all: string[];
}

export const noProblems: DecisionProblems = { byGoal: {}, all: [] };

export function hasProblems(p: DecisionProblems): boolean {
  return p.all.length > 0 || Object.keys(p.byGoal).length > 0;
}

/**
 * The review's rules, checked before anything is sent: every goal needs a
 * decision, a goal carried over needs a key result of the new cycle, and
 * the new plan takes no more goals than it has slots for.
 */
export function checkDecisions(
  goals: readonly Goal[],
  decisions: Readonly<Record<string, DecisionValue | undefined>>,
  slots: number,
  into: string,
): DecisionProblems {
  const byGoal: Record<string, string> = {};
  let carried = 0;
  for (const g of goals) {
    const d = decisions[g.id];
    if (!d?.decision) {
      byGoal[g.id] = 'Decide what becomes of this goal: close it, or carry it over.';
    } else if (d.decision === 'CARRY_OVER') {
      carried++;
      if (!d.keyResultId) byGoal[g.id] = `Choose the key result of ${into} it will serve.`;
    }
  }
  const all =
    carried > slots
      ? [
          `The plan for ${into} holds at most ${maxExecutionGoals} execution goals and has room for ` +
            `${slots}: carry over at most ${slots}, and close the others.`,
        ]
      : [];
  return { byGoal, all };
}

/** The decisions as the mutation takes them, in the order the goals show. */
export function decisionsInput(
  goals: readonly Goal[],
  decisions: Readonly<Record<string, DecisionValue | undefined>>,
) {
  return goals.map((g) => {
    const d = decisions[g.id];
    const decision = d?.decision as GoalDecision;
    return {
      goalId: g.id,
      decision,
      keyResultId: decision === 'CARRY_OVER' ? d?.keyResultId || undefined : undefined,
    };
  });
}

/**
 * The server's userErrors on the decisions, beside the goal each is about:
 * its message names the goal by its quoted title, or the decision by its
 * place in the list sent (which follows the goals shown). The rest are
 * about the decisions as a whole.
 */
export function serverDecisionProblems(
  errors: readonly UserError[],
  goals: readonly Goal[],
): DecisionProblems {
  const byGoal: Record<string, string> = {};
  const all: string[] = [];
  for (const e of errors) {
    if (e.field[e.field.length - 1] !== 'decisions') continue;
    const goal = goalOf(e.message, goals);
    if (goal && !byGoal[goal.id]) byGoal[goal.id] = e.message;
    else all.push(e.message);
  }
  return { byGoal, all };
}

function goalOf(message: string, goals: readonly Goal[]): Goal | undefined {
  const place = /^decision (\d+)\b/.exec(message);
  if (place) return goals[Number(place[1]) - 1];
  return goals.find((g) => message.includes(JSON.stringify(g.title)));
}

/** The first day a review into a cycle may be held: its start less the rhythm's lead. */
export function reviewOpensOn(startsOn: string, leadDays: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - leadDays);
  return d.toISOString().slice(0, 10);
}

/** Lower case without accents, so that "resume" finds "Résumé". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The key results whose title, objective or team holds every word
 * searched for, in the server's order; the one chosen always stays, so
 * that a search never drops the choice already made.
 */
export function findKeyResults(
  keyResults: readonly KeyResultChoiceFragment[],
  search: string,
  chosen?: string,
): KeyResultChoiceFragment[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...keyResults];
  return keyResults.filter((kr) => {
    if (kr.id === chosen) return true;
    const text = fold(`${kr.title} ${kr.objective.title} ${kr.objective.team?.name ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

/** A report as the team view lists them, as far as their due review goes. */
export interface DueRow {
  plan: { status: PlanStatus } | null;
  quarterlyReviewDue: string | null;
  quarterlyReviewHeld: boolean;
}

/**
 * Whether the review due for a report is one that resets a plan. The
 * server's due list gives the review of the cycle after the current one
 * once the current plan's own review is held (or the plan is completed);
 * and a current plan that is NEEDS_RESET waits for the review into its
 * own cycle. Any other review due is the current plan's, a check-in.
 */
export function dueReviewResets(row: DueRow): boolean {
  if (!row.quarterlyReviewDue || !row.plan) return false;
  return row.quarterlyReviewHeld || row.plan.status === 'COMPLETED' || row.plan.status === 'NEEDS_RESET';
}
