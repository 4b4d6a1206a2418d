// Quarterly review: the manager resets a person's plan against a new
// cycle. It finds the two cycles (the one named, or the one after the
// person's current plan), loads the plan of the cycle that ends with the
// new cycle's key results, and hands them to the review form; a held
// review leads to the new plan.
import { type ReactNode, useEffect } from 'react';

import { useQuery } from '../../api/hooks';
import { useSession } from '../../api/session';
import { statusLabel } from '../../components/badges';
import { Empty, Failure, Loading } from '../../components/states';
import { setTitle } from '../../platform';
import { href } from '../../router';
import { mayEditPlan } from '../plan/access';
import { useReportRendered } from '../plan/rendered';
import { QuarterlyReviewDocument, type QuarterlyReviewQuery, ReviewStartDocument } from './Review.generated';
import { ReviewForm } from './ReviewForm';
import {
  isReviewCycles,
  type NoReview,
  reviewCycles,
  type ReviewCycles,
  reviewOpensOn,
  waitsForReview,
} from './review-model';
import './review.css';

interface Props {
  personId: string;
  /** The new cycle's name; worked out from the person's current plan when left out. */
  cycle?: string;
}

export function QuarterlyReviewView({ personId, cycle }: Props) {
  const start = useQuery(ReviewStartDocument, { personId });
  const person = start.data?.node?.__typename === 'Person' ? start.data.node : undefined;
  const cycles = start.data?.cycles.nodes ?? [];
  const target = person ? reviewCycles(cycles, person.plan, cycle) : undefined;
  const pair = target && isReviewCycles(target) ? target : undefined;
  const review = useQuery(
    QuarterlyReviewDocument,
    { personId, from: pair?.from ?? '', into: pair?.into ?? '' },
    !pair,
  );
  const name = person?.name;

  useEffect(
    () => setTitle(name ? `Throughline — Quarterly review: ${name}` : 'Throughline — Quarterly review'),
    [name],
  );
  useReportRendered('quarterlyReview', review.data !== undefined || (target !== undefined && !pair));

  if (!start.data) {
    return (
      <Frame>
        {start.error ? (
          <Failure error={start.error} retry={start.reload} />
        ) : (
          <Loading what="the plans to review" />
        )}
      </Frame>
    );
  }
  if (!person) {
    return (
      <Frame>
        <Empty>Nobody in the organisation has this ID. Pick the person again from your team.</Empty>
      </Frame>
    );
  }
  if (!target || !pair) {
    return (
      <Frame name={person.name} personId={personId}>
        <NoReviewNotice why={target as NoReview} name={person.name} personId={personId} />
      </Frame>
    );
  }
  const into = cycles.find((c) => c.name === pair.into);
  const opensOn = into && reviewOpensOn(into.startsOn, start.data.reviewRhythm.reviewLeadDays);
  return (
    <Frame name={person.name} personId={personId} pair={pair}>
      {review.error && <Failure error={review.error} retry={review.reload} />}
      {review.data ? (
        <Review
          personId={personId}
          name={person.name}
          pair={pair}
          opensOn={opensOn}
          data={review.data}
          reload={review.reload}
        />
      ) : (
        !review.error && <Loading what="the review" />
      )}
      {review.loading && review.data && (
        <p className="muted small" role="status">
          Updating…
        </p>
      )}
    </Frame>
  );
}

interface FrameProps {
  name?: string;
  personId?: string;
  pair?: ReviewCycles;
  children: ReactNode;
}

function Frame({ name, personId, pair, children }: FrameProps) {
  return (
    <main className="review-view" aria-labelledby="review-heading">
      <header className="review-view-header">
        <h1 id="review-heading">{name ? `Quarterly review: ${name}` : 'Quarterly review'}</h1>
        {pair && (
          <p className="muted">
            Closes the plan of {pair.from} and resets the plan for {pair.into} against its key results.
          </p>
        )}
        {personId && (
          <nav className="related" aria-label="Related views">
            <a href={href({ view: 'plan', personId, cycle: pair?.from })}>
              {pair ? `Plan of ${pair.from}` : 'Plan'}
            </a>
            {pair && <a href={href({ view: 'plan', personId, cycle: pair.into })}>Plan of {pair.into}</a>}
            <a href={href({ view: 'checkIn', personId })}>Check-in</a>
          </nav>
        )}
      </header>
      {children}
    </main>
  );
}

interface ReviewProps {
  personId: string;
  name: string;
  pair: ReviewCycles;
  opensOn?: string;
  data: QuarterlyReviewQuery;
  reload: () => void;
}

/** The review once both plans are loaded: the form, or why there is none. */
function Review({ personId, name, pair, opensOn, data, reload }: ReviewProps) {
  const session = useSession();
  const node = data.node?.__typename === 'Person' ? data.node : undefined;
  const earlier = node?.earlier;
  const later = node?.later ?? null;
  if (!earlier) {
    return (
      <Empty>
        <p>
          No plan of {pair.from} to review: {name} has none, or it is not yours to read. A quarterly review
          closes the plan of the cycle before and resets the plan for {pair.into}.
        </p>
      </Empty>
    );
  }
  if (later && !waitsForReview(later)) {
    return (
      <Empty>
        <p>
          The plan for {pair.into} does not wait for a quarterly review: it is{' '}
          {statusLabel(later.status).toLowerCase()}
          {later.quarterlyReviewHeld && ', and its review is held'}.
        </p>
        <p>
          <a href={href({ view: 'plan', personId, cycle: pair.into })}>Open the plan for {pair.into}</a>
        </p>
      </Empty>
    );
  }
  if (!mayEditPlan(session, personId)) {
    return (
      <Empty>
        <p>
          {name}'s plan for {pair.into} waits for its quarterly review. The review is held by a manager
          above {name}
          {session.personId === personId && ': prepare your answers to the five prompts for it'}.
        </p>
      </Empty>
    );
  }
  return (
    <ReviewForm
      personId={personId}
      personName={name}
      earlier={earlier}
      later={later}
      keyResults={data.keyResults}
      into={pair.into}
      opensOn={opensOn}
      reload={reload}
    />
  );
}

/** Why no review can be held from here, and where to go instead. */
function NoReviewNotice({ why, name, personId }: { why: NoReview; name: string; personId: string }) {
  const plan = <a href={href({ view: 'plan', personId })}>plan view</a>;
  switch (why.reason) {
    case 'noSuchCycle':
      return (
        <Empty>
          <p>There is no cycle named {why.cycle}: HR opens the new cycle before its reviews are held.</p>
        </Empty>
      );
    case 'firstCycle':
      return (
        <Empty>
          <p>
            {why.cycle} is the first cycle: there is no earlier plan to review. Plans for it are made from
            the {plan}.
          </p>
        </Empty>
      );
    case 'noPlan':
      return (
        <Empty>
          <p>
            {name} has no plan in the current cycle that you can read, so there is nothing to review. A
            plan is made from the {plan}.
          </p>
        </Empty>
      );
    case 'noLaterCycle':
      return (
        <Empty>
          <p>
            No plan of {name} waits for a quarterly review: no cycle after {why.cycle} is open yet. Once
            HR opens the next cycle, its review resets the plan here. This cycle's own quarterly review is
            recorded as a{' '}
            <a href={href({ view: 'checkIn', personId })}>check-in</a>.
          </p>
        </Empty>
      );
  }
}
