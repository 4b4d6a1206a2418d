// Words for the plan's enums, as people read them, and today's date in
// the form the API takes.
import type {
  ActionKind,
  EvidenceKind,
  GoalState,
  Lane,
  ObservedChange,
  PlanStatus,
  SupporterRole,
} from '../../api/schema';

export {
  actionKindLabels,
  checkInKindLabels,
  observedChangeLabels,
  todayISO,
  warningLabels,
} from '../../components/labels';

/** The action kinds in the order a plan lists them: live work first. */
export const actionKinds: readonly ActionKind[] = ['EXPERIENCE', 'EXPOSURE', 'EDUCATION'];

/** What each kind means, for the form's hints. */
export const actionKindHints: Record<ActionKind, string> = {
  EXPERIENCE: 'a named piece of live work',
  EXPOSURE: 'pairing, shadowing or mentoring',
  EDUCATION: 'one targeted course or workshop',
};

export const supporterRoles: readonly SupporterRole[] = ['MANAGER', 'COACH', 'MENTOR'];

export const supporterRoleLabels: Record<SupporterRole, string> = {
  MANAGER: 'manager',
  COACH: 'coach',
  MENTOR: 'mentor',
};

export const planStatuses: readonly PlanStatus[] = ['ON_TRACK', 'BLOCKED', 'NEEDS_RESET', 'COMPLETED'];

/** Whether the server wants a reason with the status. */
export function needsReason(s: PlanStatus): boolean {
  return s === 'BLOCKED' || s === 'NEEDS_RESET';
}

export const laneLabels: Record<Lane, string> = {
  EXECUTION: 'Execution',
  CAREER: 'Career',
};

export const goalStateLabels: Record<GoalState, string> = {
  ACTIVE: 'Active',
  ACHIEVED: 'Achieved',
  DROPPED: 'Dropped',
};

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  MISSED_DEADLINE: 'Missed deadline',
  WEAK_DISCOVERY_CALL: 'Weak discovery call',
  POOR_HANDOVER: 'Poor handover',
  UNCLEAR_DECISION: 'Unclear decision',
  AVOIDABLE_REWORK: 'Avoidable rework',
  OTHER: 'Other',
};

/** Observed changes from worse to clearly better, as the form lists them. */
export const observedChanges: readonly ObservedChange[] = [
  'DECLINED',
  'NO_CHANGE',
  'SOME_IMPROVEMENT',
  'CLEAR_IMPROVEMENT',
];

