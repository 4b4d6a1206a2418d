// Words for the enums the dashboard counts, and shares as percentages.
import type { WarningCode } from '../../api/schema';

export { observedChangeLabels } from '../../components/labels';

/** Each plan rule in a few words, short enough for a chart's axis. */
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

/** A share from 0 to 1 as a whole percentage, such as 62%. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
