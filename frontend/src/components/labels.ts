// Words for the enums several views show, as people read them, and
// today's date in the form the API takes.
import type { ActionKind, CheckInKind, ObservedChange, WarningCode } from '../api/schema';

export const actionKindLabels: Record<ActionKind, string> = {
  EXPERIENCE: 'Experience',
  EXPOSURE: 'Exposure',
  EDUCATION: 'Education',
};

export const checkInKindLabels: Record<CheckInKind, string> = {
  MONTHLY: 'Monthly check-in',
  QUARTERLY: 'Quarterly review',
};

export const observedChangeLabels: Record<ObservedChange, string> = {
  DECLINED: 'Output got worse',
  NO_CHANGE: 'No visible change',
  SOME_IMPROVEMENT: 'Some improvement',
  CLEAR_IMPROVEMENT: 'Clear improvement',
};

/** Each plan rule in a few words, short enough for a chart's axis or a warning's heading. */
export const warningLabels: Record<WarningCode, string> = {
  TOO_MANY_EXECUTION_GOALS: 'Too many execution goals',
  EXECUTION_GOAL_WITHOUT_KEY_RESULT: 'Execution goal without key result',
  EDUCATION_ONLY: 'Education only',
  NO_SUPPORTER: 'No supporter',
  MONTHLY_CHECK_IN_OVERDUE: 'Monthly check-in overdue',
  QUARTERLY_REVIEW_OVERDUE: 'Quarterly review overdue',
  GAP_WITHOUT_EVIDENCE: 'Gap without evidence',
  NO_MANAGER: 'No manager',
};

/** Today in the viewer's time zone, as an ISO date such as 2026-10-01. */
export function todayISO(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
