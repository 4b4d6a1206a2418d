// Small labels for statuses and dates that several views share.
import type { PlanStatus } from '../api/schema';

const statusLabels: Record<PlanStatus, string> = {
  ON_TRACK: 'On track',
  BLOCKED: 'Blocked',
  COMPLETED: 'Completed',
  NEEDS_RESET: 'Needs reset',
};

/** A plan status in words. */
export function statusLabel(s: PlanStatus): string {
  return statusLabels[s];
}

/** A plan status as a coloured label. */
export function StatusBadge({ status }: { status: PlanStatus }) {
  return <span className={`badge status-${status.toLowerCase().replace('_', '-')}`}>{statusLabels[status]}</span>;
}

/** A progress share (0..1) as a bar with its percentage. */
export function Progress({ value, label }: { value: number; label?: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="progress" title={label ?? `${pct}%`}>
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="progress-value">{pct}%</span>
    </span>
  );
}

/** A date such as 2026-10-01, with 'overdue' beside it when it is. */
export function Due({ on, overdue }: { on?: string | null; overdue?: boolean }) {
  if (!on) return <span className="muted">no date</span>;
  return (
    <span className={overdue ? 'due overdue' : 'due'}>
      <time dateTime={on}>{on}</time>
      {overdue && <span className="badge badge-overdue">overdue</span>}
    </span>
  );
}
