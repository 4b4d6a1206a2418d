// Words for the enums several views show, as people read them, and
// today's date in the form the API takes.
import type { ActionKind, CheckInKind, ObservedChange } from '../api/schema';

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

/** Today in the viewer's time zone, as an ISO date such as 2026-10-01. */
export function todayISO(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
