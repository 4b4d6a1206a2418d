// Check-in: the form a manager fills in at a monthly 1:1 or quarterly
// review of a person's plan, above the plan's earlier check-ins.
import { useEffect } from 'react';

import { useQuery } from '../../api/hooks';
import { useSession } from '../../api/session';
import { Due, StatusBadge } from '../../components/badges';
import { Empty, Failure, Loading } from '../../components/states';
import { setTitle } from '../../platform';
import { href } from '../../router';
import { mayEditPlan } from '../plan/access';
import { useReportRendered } from '../plan/rendered';
import { CheckInViewDocument, type CheckInViewQuery } from './CheckIn.generated';
import { CheckInForm } from './CheckInForm';
import { CheckInHistory, historyPageSize } from './CheckInHistory';
import './checkin.css';

type PersonNode = Extract<NonNullable<CheckInViewQuery['node']>, { __typename: 'Person' }>;
type Plan = NonNullable<PersonNode['plan']>;

interface Props {
  personId: string;
  /** The plan's cycle; the current cycle when left out. */
  cycle?: string;
}

export function CheckInView({ personId, cycle }: Props) {
  const session = useSession();
  const query = useQuery(CheckInViewDocument, { personId, first: historyPageSize, cycle });
  const person = query.data?.node?.__typename === 'Person' ? query.data.node : undefined;
  const name = person?.name;

  useEffect(() => setTitle(name ? `Throughline — Check-in: ${name}` : 'Throughline — Check-in'), [name]);
  useReportRendered('checkIn', query.data !== undefined);

  if (!query.data) {
    return (
      <main className="checkin-view">
        <h1>Check-in</h1>
        {query.error ? <Failure error={query.error} retry={query.reload} /> : <Loading what="the plan's check-ins" />}
      </main>
    );
  }
  if (!person) {
    return (
      <main className="checkin-view">
        <h1>Check-in</h1>
        <Empty>Nobody in the organisation has this ID. Pick the person again from your team.</Empty>
      </main>
    );
  }
  const plan = person.plan;
  return (
    <main className="checkin-view" aria-labelledby="checkin-heading">
      {query.error && <Failure error={query.error} retry={query.reload} />}
      <header className="checkin-view-header">
        <h1 id="checkin-heading">Check-in: {person.name}</h1>
        <nav className="related" aria-label="Related views">
          <a href={href({ view: 'plan', personId, cycle })}>Plan</a>
          <a href={href({ view: 'chain', personId })}>Chain from strategy</a>
        </nav>
        {plan && <PlanSummary plan={plan} />}
      </header>
      {!plan ? (
        <Empty>
          No plan to check in on: {person.name} has none for {cycle ?? 'the current cycle'}, or it is not
          yours to read. A plan is made from the <a href={href({ view: 'plan', personId, cycle })}>plan view</a>.
        </Empty>
      ) : (
        <div className="checkin-columns">
          {mayEditPlan(session, personId) ? (
            <CheckInForm
              plan={plan}
              reviewOpensDays={query.data.reviewRhythm.reviewWindowDays + query.data.reviewRhythm.reviewLeadDays}
              personName={person.name}
              reload={query.reload}
            />
          ) : (
            <p className="card muted">
              Check-ins are recorded by a manager above {person.name}.
              {session.personId === personId && ' Prepare your answers to the five prompts for your next 1:1.'}
            </p>
          )}
          <CheckInHistory key={plan.version} planId={plan.id} first={plan.checkIns} />
        </div>
      )}
    </main>
  );
}

function PlanSummary({ plan }: { plan: Plan }) {
  return (
    <dl className="checkin-facts">
      <dt>Cycle</dt>
      <dd>{plan.cycle.name}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={plan.status} />
        {plan.statusReason && ` ${plan.statusReason}`}
      </dd>
      <dt>Next check-in</dt>
      <dd>
        <Due on={plan.nextCheckInDue} overdue={plan.checkInOverdue} />
      </dd>
      <dt>Quarterly review</dt>
      <dd>
        {plan.quarterlyReviewHeld ? 'held' : <Due on={plan.quarterlyReviewDue} overdue={plan.quarterlyReviewOverdue} />}
      </dd>
    </dl>
  );
}
