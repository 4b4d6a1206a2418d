// On the plan view: says so when the person's plan waits for the
// quarterly review that resets it, and leads the manager to it. That is
// this plan, when it is NEEDS_RESET with a plan in the cycle before; or
// the person's plan in the next cycle, once HR has opened it.
import { useQuery } from '../../api/hooks';
import { href } from '../../router';
import { PlanCyclesDocument } from '../plan/Plan.generated';
import { ReviewDuePlanDocument } from './Review.generated';
import { cycleAfter, cycleBefore, type PlanState, waitsForReview } from './review-model';
import './review.css';

interface Props {
  personId: string;
  personName: string;
  plan: PlanState & { cycle: { name: string } };
  /** Whether the viewer may hold the review: a manager above the person. */
  mayHold: boolean;
}

export function ReviewDue({ personId, personName, plan, mayHold }: Props) {
  const cycles = useQuery(PlanCyclesDocument, {});
  const all = cycles.data?.cycles.nodes ?? [];
  const own = plan.cycle.name;
  const waits = waitsForReview(plan);
  const other = waits ? cycleBefore(all, own) : cycleAfter(all, own);
  const there = useQuery(ReviewDuePlanDocument, { personId, cycle: other?.name ?? '' }, !other);
  const otherPlan = there.data?.node?.__typename === 'Person' ? there.data.node.plan : undefined;

  const error = cycles.error ?? (other ? there.error : undefined);
  if (error) {
    return (
      <p className="muted small review-due-unknown">
        Whether a quarterly review waits could not be checked: {error.message}{' '}
        <button type="button" className="link-button" onClick={cycles.error ? cycles.reload : there.reload}>
          Check again
        </button>
      </p>
    );
  }
  if (!other || !otherPlan) return null;
  const into = waits ? own : other.name;
  if (!waits && !waitsForReview(otherPlan)) return null;
  return (
    <section className="review-due" aria-labelledby="review-due-heading">
      <h2 id="review-due-heading">The quarterly review for {into} waits</h2>
      <p>
        {waits
          ? `This plan waits for its quarterly review: it decides on the execution goals of ${other.name} ` +
            'and puts this plan on track.'
          : `${personName}'s plan for ${into} waits for its quarterly review: it decides on this plan's ` +
            `execution goals and puts the plan for ${into} on track.`}
      </p>
      {mayHold ? (
        <a className="review-due-link" href={href({ view: 'quarterlyReview', personId, cycle: into })}>
          Hold the quarterly review
        </a>
      ) : (
        <p className="muted small">A manager above {personName} holds it.</p>
      )}
    </section>
  );
}
