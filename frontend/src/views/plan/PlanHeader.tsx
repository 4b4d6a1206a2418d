// The top of the plan: whose plan and which cycle, its status and why,
// the version every edit sends back, when the next check-in and the
// quarterly review are due, and the rules the plan breaks today.
import { Due, StatusBadge } from '../../components/badges';
import { href } from '../../router';
import type { PlanDetailFragment } from './Plan.generated';
import { useInlineForm } from './inline-form';
import { warningLabels } from './labels';
import { usePlanEdit } from './plan-context';
import { StatusForm } from './StatusForm';

interface Props {
  personId: string;
  name: string;
  title: string;
  plan: PlanDetailFragment;
  /** The cycle the address names, if any: the check-in link keeps to it. */
  cycle?: string;
}

export function PlanHeader({ personId, name, title, plan, cycle: named }: Props) {
  const edit = usePlanEdit();
  const changing = useInlineForm();
  const { cycle } = plan;
  return (
    <header className="plan-header">
      <div className="plan-title">
        <h1 id="plan-heading">Plan: {name}</h1>
        <p className="muted">
          {title && `${title} · `}
          Cycle {cycle.name} (<time dateTime={cycle.startsOn}>{cycle.startsOn}</time> to{' '}
          <time dateTime={cycle.endsOn}>{cycle.endsOn}</time>) · version {plan.version}
        </p>
        <nav className="related" aria-label="Related views">
          <a href={href({ view: 'chain', personId })}>Chain from strategy</a>
          <a href={href({ view: 'checkIn', personId, cycle: named })}>Check-in</a>
          {named && <a href={href({ view: 'plan', personId })}>Plan of the current cycle</a>}
        </nav>
      </div>
      <dl className="plan-facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={plan.status} />
          {plan.statusReason && <span className="status-reason"> {plan.statusReason}</span>}
        </dd>
        <dt>Next check-in</dt>
        <dd>
          <Due on={plan.nextCheckInDue} overdue={plan.checkInOverdue} />
        </dd>
        <dt>Quarterly review</dt>
        <dd>
          {plan.quarterlyReviewHeld ? (
            <span>held (was due {plan.quarterlyReviewDue})</span>
          ) : (
            <Due on={plan.quarterlyReviewDue} overdue={plan.quarterlyReviewOverdue} />
          )}
        </dd>
      </dl>
      {edit.mayEdit && !changing.open && (
        <button type="button" className="secondary" ref={changing.opener} onClick={changing.show}>
          Change status
        </button>
      )}
      {changing.open && <StatusForm status={plan.status} reason={plan.statusReason} onClose={() => changing.close()} />}
      <Warnings warnings={plan.warnings} />
    </header>
  );
}

function Warnings({ warnings }: { warnings: PlanDetailFragment['warnings'] }) {
  if (warnings.length === 0) return <p className="muted small">The plan breaks none of the plan rules.</p>;
  return (
    <section className="plan-warnings" aria-labelledby="plan-warnings-heading">
      <h2 id="plan-warnings-heading">Warnings</h2>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.code}:${w.goal?.id ?? ''}`}>
            <strong className="warning-rule">{warningLabels[w.code]}:</strong> {w.message}
            {w.goal && <span className="muted"> (goal: {w.goal.title})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
