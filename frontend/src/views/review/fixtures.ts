// Mei-Lin Chen's quarterly review as the demo server would answer it once
// HR has opened the next cycle: her plan of 2026-Q4 with two active
// execution goals and a career goal, her plan for 2027-Q1 waiting, and
// 2027-Q1's key results. The next cycle starts ten days from today, so
// that today falls in its review window (fourteen days of lead).
import { todayISO } from '../plan/labels';
import type {
  KeyResultChoiceFragment,
  NewCyclePlanFragment,
  QuarterlyReviewQuery,
  ReviewedPlanFragment,
  ReviewStartQuery,
} from './Review.generated';

export const meiLinId = 'UGVyc29uOjEw';
export const earlierPlanId = 'RGV2ZWxvcG1lbnRQbGFuOjE';
export const laterPlanId = 'RGV2ZWxvcG1lbnRQbGFuOjQw';

/** The day n days from today, as an ISO date. */
export function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return todayISO(d);
}

export const nextStartsOn = daysFromToday(10);
export const leadDays = 14;
/** The first day the review into 2027-Q1 may be held. */
export const opensOn = daysFromToday(-4);

export const cycles = [
  { id: 'Q3ljbGU6MQ', name: '2026-Q3', startsOn: daysFromToday(-170), endsOn: daysFromToday(-80) },
  { id: 'Q3ljbGU6Mg', name: '2026-Q4', startsOn: daysFromToday(-80), endsOn: daysFromToday(9) },
  { id: 'Q3ljbGU6Mw', name: '2027-Q1', startsOn: nextStartsOn, endsOn: daysFromToday(99) },
];

export const leadIncidents = {
  id: 'RGV2ZWxvcG1lbnRHb2FsOjE',
  title: 'Lead incidents from the first page to restore',
  changeInWork: 'Platform incidents have one named lead.',
  state: 'ACTIVE' as const,
  targetLevel: 4,
  keyResult: { id: 'S2V5UmVzdWx0OjI0', title: 'Bring mean time to restore from 95 to 30 minutes' },
  capability: { id: 'Q2FwYWJpbGl0eToz', name: 'Incident handling' },
};

export const writeReviews = {
  id: 'RGV2ZWxvcG1lbnRHb2FsOjI',
  title: 'Write incident reviews that change what we do',
  changeInWork: 'Each review ends in a decision with an owner and a date.',
  state: 'ACTIVE' as const,
  targetLevel: 3,
  keyResult: { id: 'S2V5UmVzdWx0OjMx', title: 'Publish a review for every P1 incident' },
  capability: { id: 'Q2FwYWJpbGl0eTo1', name: 'Technical decision writing' },
};

const metOnboarding = {
  id: 'RGV2ZWxvcG1lbnRHb2FsOjM',
  title: 'Run the on-call onboarding',
  changeInWork: '',
  state: 'ACHIEVED' as const,
  targetLevel: null,
  keyResult: null,
  capability: null,
};

export const staffEngineer = {
  id: 'RGV2ZWxvcG1lbnRHb2FsOjQ',
  title: 'Grow into a staff site reliability engineer',
  changeInWork: 'Sets reliability practice across teams.',
  horizon: '2028-Q2',
  state: 'ACTIVE' as const,
};

const droppedCareer = {
  id: 'RGV2ZWxvcG1lbnRHb2FsOjU',
  title: 'Move into product management',
  changeInWork: '',
  horizon: '2027-Q4',
  state: 'DROPPED' as const,
};

export function earlierPlan(over: Partial<ReviewedPlanFragment> = {}): ReviewedPlanFragment {
  return {
    id: earlierPlanId,
    version: 15,
    status: 'ON_TRACK',
    cycle: { id: 'Q3ljbGU6Mg', name: '2026-Q4' },
    executionGoals: [leadIncidents, writeReviews, metOnboarding],
    careerGoals: [staffEngineer, droppedCareer],
    ...over,
  };
}

export function laterPlan(over: Partial<NewCyclePlanFragment> = {}): NewCyclePlanFragment {
  return { id: laterPlanId, status: 'NEEDS_RESET', quarterlyReviewHeld: false, executionGoals: [], ...over };
}

function kr(id: string, title: string, objective: KeyResultChoiceFragment['objective'], critical = false) {
  return { id, title, critical, objective };
}

const reliability = {
  id: 'T2JqOjE',
  title: 'Make the platform boringly reliable',
  team: { id: 'VDox', name: 'Platform' },
};
const growth = { id: 'T2JqOjI', title: 'Win the mid-market', team: null };

export const restoreIn20 = kr(
  'S2V5UmVzdWx0OjUx',
  'Restore P1 incidents within 20 minutes',
  reliability,
  true,
);
export const pagesHalved = kr('S2V5UmVzdWx0OjUy', 'Halve the pages per on-call week', reliability);
export const tenDeals = kr('S2V5UmVzdWx0OjUz', 'Close ten mid-market deals', growth);

export function keyResults(nodes = [restoreIn20, pagesHalved, tenDeals], totalCount = nodes.length) {
  return { totalCount, nodes };
}

type StartPerson = Extract<NonNullable<ReviewStartQuery['node']>, { __typename: 'Person' }>;
type StartPlan = NonNullable<StartPerson['plan']>;

/** The ReviewStart answer: Mei-Lin's current plan is 2026-Q4's unless another is given. */
export function startAnswer(plan: StartPlan | null = currentPlan(), allCycles = cycles): ReviewStartQuery {
  return {
    reviewRhythm: { reviewLeadDays: leadDays },
    cycles: { nodes: allCycles },
    node: { __typename: 'Person', id: meiLinId, name: 'Mei-Lin Chen', plan },
  };
}

export function currentPlan(over: Partial<StartPlan> = {}): StartPlan {
  return {
    id: earlierPlanId,
    status: 'ON_TRACK',
    quarterlyReviewHeld: true,
    cycle: { id: 'Q3ljbGU6Mg', name: '2026-Q4', startsOn: cycles[1].startsOn },
    ...over,
  };
}

/** The QuarterlyReview answer. */
export function reviewAnswer(
  earlier: ReviewedPlanFragment | null = earlierPlan(),
  later: NewCyclePlanFragment | null = laterPlan(),
  krs = keyResults(),
): QuarterlyReviewQuery {
  return {
    node: { __typename: 'Person', id: meiLinId, name: 'Mei-Lin Chen', earlier, later },
    keyResults: krs,
  };
}
