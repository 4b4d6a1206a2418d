// The two-lane plan: a person's development plan for the current cycle
// (or the cycle the address names), with this cycle's execution goals
// beside their career goals, edited in place. Every write sends the plan's
// version and reloads the plan after.
import { useEffect, useMemo } from 'react';

import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../api/session';
import { Empty, Failure, Loading } from '../../components/states';
import { setTitle } from '../../platform';
import { href } from '../../router';
import { ReviewDue } from '../review/ReviewDue';
import { mayEditPlan, mayUpdateActions, usePlanAccess } from './access';
import { AddGoalForm } from './AddGoalForm';
import { FormProblems } from './FormProblems';
import { useInlineForm } from './inline-form';
import { CareerGoalCard, ExecutionGoalCard } from './GoalCard';
import { todayISO } from './labels';
import { type PlanDetailFragment, PlanCyclesDocument, type PlanViewQuery, PlanViewDocument } from './Plan.generated';
import { type Candidate, type PlanEdit, PlanEditContext } from './plan-context';
import { PlanHeader } from './PlanHeader';
import { CreatePlanDocument } from './PlanMutations.generated';
import { useReportRendered } from './rendered';
import './plan.css';

type PersonNode = Extract<NonNullable<PlanViewQuery['node']>, { __typename: 'Person' }>;

interface Props {
  personId: string;
  /** The cycle's name; the current cycle when left out. */
  cycle?: string;
}

export function PlanView({ personId, cycle }: Props) {
  const session = useSession();
  const query = useQuery(PlanViewDocument, { personId, cycle });
  const person = query.data?.node?.__typename === 'Person' ? query.data.node : undefined;
  const name = person?.name;

  useEffect(() => setTitle(name ? `Throughline — Plan: ${name}` : 'Throughline — Plan'), [name]);
  useReportRendered('plan', query.data !== undefined);

  if (!query.data) {
    return (
      <main className="plan-view">
        <h1>Plan</h1>
        {query.error ? <Failure error={query.error} retry={query.reload} /> : <Loading what="the plan" />}
      </main>
    );
  }
  if (!person) {
    return (
      <main className="plan-view">
        <h1>Plan</h1>
        <Empty>Nobody in the organisation has this ID. Pick the person again from your team.</Empty>
      </main>
    );
  }
  const canEdit = mayEditPlan(session, personId);
  return (
    <main className="plan-view" aria-labelledby="plan-heading">
      {query.error && <Failure error={query.error} retry={query.reload} />}
      {person.plan ? (
        <PlanEditor
          person={person}
          plan={person.plan}
          reload={query.reload}
          mayEdit={canEdit}
          mayUpdateActions={mayUpdateActions(session, personId)}
          namedCycle={cycle}
        />
      ) : (
        <NoPlan person={person} cycle={cycle} reload={query.reload} />
      )}
      {query.loading && (
        <p className="muted small" role="status">
          Updating…
        </p>
      )}
    </main>
  );
}

interface EditorProps {
  person: PersonNode;
  plan: PlanDetailFragment;
  reload: () => void;
  mayEdit: boolean;
  mayUpdateActions: boolean;
  /** The cycle the address names, if any: the header's links keep to it. */
  namedCycle?: string;
}

function PlanEditor({ person, plan, reload, mayEdit, mayUpdateActions, namedCycle }: EditorProps) {
  const addingGoal = useInlineForm();
  const candidates = useMemo(() => supporterCandidates(person, plan), [person, plan]);
  const edit: PlanEdit = useMemo(
    () => ({ planId: plan.id, version: plan.version, reload, mayEdit, mayUpdateActions, candidates }),
    [plan.id, plan.version, reload, mayEdit, mayUpdateActions, candidates],
  );
  const warningsOf = (goalId: string) => plan.warnings.filter((w) => w.goal?.id === goalId);
  return (
    <PlanEditContext.Provider value={edit}>
      <PlanHeader
        personId={person.id}
        name={person.name}
        title={person.title}
        plan={plan}
        cycle={namedCycle}
      />
      <ReviewDue personId={person.id} personName={person.name} plan={plan} mayHold={mayEdit} />
      <div className="plan-lanes">
        <section className="lane lane-execution" aria-labelledby="lane-execution-heading">
          <h2 id="lane-execution-heading">
            Execution <span className="muted small">this cycle</span>
          </h2>
          {plan.executionGoals.length === 0 && (
            <Empty>
              No execution goals yet. An execution goal serves one of the cycle's key results by building a
              capability; a plan holds at most two.
            </Empty>
          )}
          {plan.executionGoals.map((g) => (
            <ExecutionGoalCard key={g.id} goal={g} warnings={warningsOf(g.id)} />
          ))}
        </section>
        <section className="lane lane-career" aria-labelledby="lane-career-heading">
          <h2 id="lane-career-heading">
            Career <span className="muted small">medium term</span>
          </h2>
          {plan.careerGoals.length === 0 && <Empty>No career goals yet.</Empty>}
          {plan.careerGoals.map((g) => (
            <CareerGoalCard key={g.id} goal={g} warnings={warningsOf(g.id)} />
          ))}
        </section>
      </div>
      {mayEdit && !addingGoal.open && (
        <button type="button" ref={addingGoal.opener} onClick={addingGoal.show}>
          Add a goal
        </button>
      )}
      {addingGoal.open && <AddGoalForm cycle={plan.cycle.name} onClose={() => addingGoal.close()} />}
    </PlanEditContext.Provider>
  );
}

/**
 * The people the add-action form offers first: the manager, colleagues
 * under the same manager, and whoever already supports an action.
 */
function supporterCandidates(person: PersonNode, plan: PlanDetailFragment): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (id: string, name: string, why: string) => {
    if (id !== person.id && !out.has(id)) out.set(id, { id, name, why });
  };
  if (person.manager) add(person.manager.id, person.manager.name, 'manager');
  for (const p of person.manager?.reports.nodes ?? []) add(p.id, p.name, 'colleague');
  for (const g of [...plan.executionGoals, ...plan.careerGoals]) {
    for (const a of g.actions) if (a.supporter) add(a.supporter.id, a.supporter.name, 'supports this plan');
  }
  return [...out.values()];
}

interface NoPlanProps {
  person: PersonNode;
  /** The cycle the address names; the one that holds today when left out. */
  cycle?: string;
  reload: () => void;
}

/**
 * No plan shown: the person has none for the cycle, or it is not the
 * viewer's to read (the server answers null for both). Only a manager
 * above the person may create one, so only they get the button.
 */
function NoPlan({ person, cycle: named, reload }: NoPlanProps) {
  const session = useSession();
  const access = usePlanAccess(person.id, true);
  const cycles = useQuery(PlanCyclesDocument, {});
  const today = todayISO();
  const current = cycles.data?.cycles.nodes.find((c) =>
    named ? c.name === named : c.startsOn <= today && today <= c.endsOn,
  );
  const cycle = current?.name ?? named ?? 'the current cycle';
  return (
    <>
      <h1 id="plan-heading">Plan: {person.name}</h1>
      <nav className="related" aria-label="Related views">
        <a href={href({ view: 'chain', personId: person.id })}>Chain from strategy</a>
      </nav>
      {access.error && <Failure error={access.error} retry={access.retry} />}
      {cycles.error && <Failure error={cycles.error} retry={cycles.reload} />}
      {access.loading || !cycles.data ? (
        !access.error && !cycles.error && <Loading what="who may see this plan" />
      ) : (
        <Empty>
          {!access.canRead ? (
            <p>
              No plan you can see for {cycle}: {person.name} is not in your reporting line, so any plan they have is
              not yours to read.
            </p>
          ) : session.personId === person.id ? (
            <p>You have no development plan for {cycle} yet: your manager makes it with you.</p>
          ) : (
            <p>
              {person.name} has no development plan for {cycle}.
            </p>
          )}
          {access.mayCreate &&
            (current ? (
              <CreatePlan personId={person.id} cycle={current.name} reload={reload} />
            ) : named ? (
              <p>There is no cycle named {named}: HR creates the cycle first.</p>
            ) : (
              <p>No cycle holds today ({today}): HR creates the cycle first.</p>
            ))}
        </Empty>
      )}
    </>
  );
}

function CreatePlan({ personId, cycle, reload }: { personId: string; cycle: string; reload: () => void }) {
  const create = useMutation(CreatePlanDocument, (d) => d.createDevelopmentPlan);
  const run = async () => {
    if (await create.run({ input: { personId, cycle } })) reload();
  };
  return (
    <>
      <button type="button" onClick={run} disabled={create.running}>
        {create.running ? 'Creating…' : `Create a plan for ${cycle}`}
      </button>
      <FormProblems state={create} fields={[]} onReload={reload} />
    </>
  );
}
