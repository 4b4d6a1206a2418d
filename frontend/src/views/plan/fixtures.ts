// Mei-Lin Chen's plan as the demo server answers the PlanView query, cut
// down to what the component tests look at.
import type { PlanActionFragment, PlanDetailFragment, PlanGoalFragment, PlanViewQuery } from './Plan.generated';

export const meiLinId = 'UGVyc29uOjEw';

const levels = [1, 2, 3, 4, 5].map((level) => ({ level, name: `Level ${level}` }));

export function action(over: Partial<PlanActionFragment> & { id: string; title: string }): PlanActionFragment {
  return {
    kind: 'EXPERIENCE',
    supporter: { id: 'UGVyc29uOjg', name: 'Grace Mwangi' },
    supporterRole: 'MANAGER',
    dueOn: '2026-11-14',
    doneOn: null,
    outcome: '',
    overdue: false,
    ...over,
  };
}

export const leadIncidents: PlanGoalFragment = {
  id: 'RGV2ZWxvcG1lbnRHb2FsOjE',
  lane: 'EXECUTION',
  title: 'Lead incidents from the first page to restore',
  changeInWork: 'Platform incidents have one named lead.',
  state: 'ACTIVE',
  horizon: '',
  targetLevel: 4,
  keyResult: {
    id: 'S2V5UmVzdWx0OjI0',
    title: 'Bring mean time to restore from 95 to 30 minutes',
    progress: 0.7231,
    critical: true,
    done: false,
    metric: { start: 95, current: 48, target: 30, unit: 'minutes' },
  },
  capability: { id: 'Q2FwYWJpbGl0eToz', name: 'Incident handling', levels },
  gap: {
    required: 4,
    current: 3,
    gap: 1,
    assessment: {
      id: 'QXNzZXNzbWVudDox',
      level: 3,
      assessedOn: '2026-10-10',
      assessedBy: { id: 'UGVyc29uOjg', name: 'Grace Mwangi' },
      note: 'Lost the thread when Payments joined.',
      evidence: [
        {
          kind: 'POOR_HANDOVER',
          description: 'Handed the payout-queue incident over without a written status.',
          observedOn: '2026-10-05',
        },
      ],
    },
  },
  actions: [
    action({
      id: 'RGV2ZWxvcG1lbnRBY3Rpb246MQ',
      title: 'Be incident lead for the next two P1 incidents',
      doneOn: '2026-11-12',
      outcome: 'Restored in 34 minutes.',
    }),
    action({
      id: 'RGV2ZWxvcG1lbnRBY3Rpb246Mw',
      kind: 'EDUCATION',
      title: 'Incident command workshop (two days)',
      supporter: { id: 'UGVyc29uOjQx', name: 'Tomasz Wójcik' },
      supporterRole: 'COACH',
      dueOn: '2026-11-25',
      overdue: true,
    }),
  ],
};

export const writeReviews: PlanGoalFragment = {
  ...leadIncidents,
  id: 'RGV2ZWxvcG1lbnRHb2FsOjI',
  title: 'Write incident reviews that change what we do',
  keyResult: {
    id: 'S2V5UmVzdWx0OjM2',
    title: 'Lead four incident reviews',
    progress: 0.5,
    critical: false,
    done: false,
    metric: null,
  },
  gap: { required: 3, current: 2, gap: 1, assessment: null },
  actions: [],
};

export const staffEngineer: PlanGoalFragment = {
  ...leadIncidents,
  id: 'RGV2ZWxvcG1lbnRHb2FsOjM',
  lane: 'CAREER',
  title: 'Grow into a staff site reliability engineer',
  horizon: '2028-Q2',
  keyResult: null,
  capability: null,
  targetLevel: null,
  gap: null,
  actions: [action({ id: 'RGV2ZWxvcG1lbnRBY3Rpb246Ng', kind: 'EXPOSURE', title: 'Monthly mentoring with Yusuf' })],
};

export function plan(over: Partial<PlanDetailFragment> = {}): PlanDetailFragment {
  return {
    id: 'RGV2ZWxvcG1lbnRQbGFuOjE',
    status: 'ON_TRACK',
    statusReason: '',
    version: 15,
    cycle: { id: 'Q3ljbGU6Mg', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    nextCheckInDue: '2026-12-23',
    checkInOverdue: false,
    quarterlyReviewDue: '2026-10-22',
    quarterlyReviewHeld: true,
    quarterlyReviewOverdue: false,
    warnings: [],
    executionGoals: [leadIncidents, writeReviews],
    careerGoals: [staffEngineer],
    ...over,
  };
}

/** The PlanView query's data for Mei-Lin, with her plan (or none). */
export function planViewAnswer(p: PlanDetailFragment | null = plan()): PlanViewQuery {
  return {
    node: {
      __typename: 'Person',
      id: meiLinId,
      name: 'Mei-Lin Chen',
      title: 'Site Reliability Engineer',
      manager: {
        id: 'UGVyc29uOjg',
        name: 'Grace Mwangi',
        reports: {
          nodes: [
            { id: 'UGVyc29uOjk', name: 'Oleksandr Petrenko' },
            { id: meiLinId, name: 'Mei-Lin Chen' },
          ],
        },
      },
      plan: p,
    },
  };
}
