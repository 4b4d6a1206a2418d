// The quarterly review form: a decision for each active execution goal of
// the plan that ends (close it as achieved or dropped, or carry it over to
// a key result of the new cycle), the career goals that carry forward on
// their own, the five coaching prompts, the change observed, a note and
// the day held. The plan's version goes with it; after a conflict a reload
// keeps everything typed.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';

import { fieldError, useMutation } from '../../api/hooks';
import type { ObservedChange } from '../../api/schema';
import { FieldError } from '../../components/states';
import { navigate } from '../../router';
import { NoteFields, ObservedChangeChoice } from '../checkin/CoachingFields';
import { prompts, type PromptField } from '../checkin/prompts';
import { FormProblems, reloadAfter, useClearOnEdit } from '../plan/FormProblems';
import { todayISO } from '../plan/labels';
import { DecisionField } from './DecisionField';
import {
  HoldQuarterlyReviewDocument,
  type NewCyclePlanFragment,
  type QuarterlyReviewQuery,
  type ReviewedPlanFragment,
} from './Review.generated';
import {
  careerGoalsCarried,
  checkDecisions,
  type DecisionProblems,
  type DecisionValue,
  decisionsInput,
  hasProblems,
  noProblems,
  openGoals,
  serverDecisionProblems,
  slotsLeft,
} from './review-model';

export type Values = Record<PromptField, string> & {
  decisions: Record<string, DecisionValue>;
  heldOn: string;
  observedChange: ObservedChange | '';
  note: string;
  visibility: 'shared' | 'private';
};

/** The input fields the form shows errors beside; the rest show above its button. */
const fields = [
  'decisions',
  'heldOn',
  ...prompts.map((p) => p.field),
  'observedChange',
  'note',
  'notePrivate',
];

interface Props {
  personId: string;
  personName: string;
  earlier: ReviewedPlanFragment;
  later: NewCyclePlanFragment | null;
  keyResults: QuarterlyReviewQuery['keyResults'];
  /** The new cycle's name. */
  into: string;
  /** The first day the review may be held, when the new cycle's dates are known. */
  opensOn?: string;
  /** Loads both plans again, after a conflict. */
  reload: () => void;
}

export function ReviewForm(props: Props) {
  const { personId, personName, earlier, later, keyResults, into, opensOn, reload } = props;
  const hold = useMutation(HoldQuarterlyReviewDocument, (d) => d.holdQuarterlyReview);
  const goals = openGoals(earlier, later);
  const slots = slotsLeft(later);
  const {
    register,
    handleSubmit,
    watch,
    getValues,
    setValue,
    formState: { errors },
  } = useForm<Values>({ defaultValues: blankValues(goals) });

  // Problems found before sending, and goals edited since the last try:
  // an edited goal's problem (the form's or the server's) goes at once.
  const [checked, setChecked] = useState<DecisionProblems>(noProblems);
  const [edited, setEdited] = useState<{ goals: ReadonlySet<string> }>({ goals: new Set() });
  const inputField = (field: string) => (field === 'visibility' ? 'notePrivate' : field);
  useClearOnEdit(watch, hold.clearField, inputField);
  useEffect(() => {
    const sub = watch((_v, { name }) => {
      const goalId = name?.startsWith('decisions.') ? name.split('.')[1] : undefined;
      if (goalId) setEdited((e) => ({ goals: new Set([...e.goals, goalId]) }));
    });
    return () => sub.unsubscribe();
  }, [watch]);
  const fromServer = serverDecisionProblems(hold.userErrors, goals);
  const problemOf = (goalId: string) =>
    edited.goals.has(goalId) ? undefined : (checked.byGoal[goalId] ?? fromServer.byGoal[goalId]);
  const overall = edited.goals.size > 0 ? [] : [...checked.all, ...fromServer.all];

  const err = (field: Exclude<keyof Values, 'decisions'>) =>
    errors[field]?.message ?? fieldError(hold.userErrors, inputField(field));
  const aria = (field: Exclude<keyof Values, 'decisions'>) => ({
    id: `review-${field}`,
    'aria-describedby': `review-${field}-error`,
    'aria-invalid': err(field) ? true : undefined,
  });

  const checkAll = (decisions: Values['decisions']) => {
    const found = checkDecisions(goals, decisions, slots, into);
    setChecked(found);
    setEdited({ goals: new Set() });
    return found;
  };
  const submit = handleSubmit(
    async (v) => {
      const found = checkAll(v.decisions);
      if (hasProblems(found)) {
        focusFirstProblem(goals, found);
        return;
      }
      const held = await hold.run({ input: reviewInput(earlier, into, goals, v) });
      if (held?.plan) navigate({ view: 'plan', personId, cycle: held.plan.cycle.name });
    },
    () => {
      checkAll(getValues('decisions'));
    },
  );

  const career = careerGoalsCarried(earlier);
  return (
    <form
      className="review-form"
      onSubmit={submit}
      aria-label={`Quarterly review with ${personName}`}
      noValidate
    >
      <section className="review-section card" aria-labelledby="review-decisions-heading">
        <h2 id="review-decisions-heading">
          Execution goals of {earlier.cycle.name}{' '}
          <span className="muted small">
            {goals.length === 1 ? 'one goal to decide' : `${goals.length} goals to decide`}
          </span>
        </h2>
        <p className="muted small" id="review-decisions-help">
          Close each goal, or carry it over to a key result of {into}. The plan for {into} has room for{' '}
          {slots === 1 ? 'one more execution goal' : `${slots} more execution goals`}.
        </p>
        <FieldError id="review-decisions-error" message={overall.join(' ') || undefined} />
        {goals.length === 0 ? (
          <p className="state state-empty">
            No active execution goals in {earlier.cycle.name}: nothing to close or carry over.
          </p>
        ) : (
          goals.map((g, i) => (
            <DecisionField
              key={g.id}
              index={i}
              goal={g}
              into={into}
              keyResults={keyResults}
              register={register}
              setValue={setValue}
              watch={watch}
              problem={problemOf(g.id)}
            />
          ))
        )}
      </section>

      <section className="review-section card" aria-labelledby="review-career-heading">
        <h2 id="review-career-heading">
          Career goals <span className="muted small">carry forward into {into} as they are</span>
        </h2>
        {career.length === 0 ? (
          <p className="muted">No active career goals: none carries forward.</p>
        ) : (
          <ul className="review-career">
            {career.map((g) => (
              <li key={g.id}>
                <span className="review-goal-title">{g.title}</span>
                {g.horizon && <span className="muted small"> · horizon {g.horizon}</span>}
                {g.changeInWork && <p className="muted small">{g.changeInWork}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="review-section card" aria-labelledby="review-talk-heading">
        <h2 id="review-talk-heading">The conversation</h2>
        <label htmlFor="review-heldOn">Held on</label>
        <input
          type="date"
          min={opensOn}
          max={todayISO()}
          {...aria('heldOn')}
          aria-describedby={`review-heldOn-error${opensOn ? ' review-heldOn-help' : ''}`}
          {...register('heldOn', {
            required: 'Give the day the review was held.',
            validate: (d) => heldOnProblem(d, into, opensOn),
          })}
        />
        {opensOn && (
          <span id="review-heldOn-help" className="muted small review-hint">
            The review into {into} can be held from {opensOn}.
          </span>
        )}
        <FieldError id="review-heldOn-error" message={err('heldOn')} />

        {prompts.map((p) => (
          <div key={p.field}>
            <label htmlFor={`review-${p.field}`}>{p.question}</label>
            <textarea {...aria(p.field)} {...register(p.field)} />
            <FieldError id={`review-${p.field}-error`} message={err(p.field)} />
          </div>
        ))}

        <ObservedChangeChoice
          idPrefix="review"
          legend={`Observed change in output over ${earlier.cycle.name}`}
          field={register('observedChange')}
          error={err('observedChange')}
        />

        <NoteFields
          idPrefix="review"
          note={{ ...aria('note'), ...register('note') }}
          visibility={register('visibility')}
          noteError={err('note')}
          visibilityError={err('visibility')}
        />
      </section>

      <FormProblems state={hold} fields={fields} onReload={() => reloadAfter(hold.reset, { reload })} />
      <div className="form-buttons">
        <button type="submit" disabled={hold.running}>
          {hold.running ? 'Holding the review…' : 'Hold the quarterly review'}
        </button>
      </div>
      <p className="muted small">
        Holding it closes or carries over each goal above, carries the career goals forward, records the
        review on the plan for {into} and puts that plan on track.
      </p>
    </form>
  );
}

type Goal = ReturnType<typeof openGoals>[number];

function blankValues(goals: readonly Goal[]): Values {
  return {
    decisions: Object.fromEntries(goals.map((g) => [g.id, { decision: '', keyResultId: '' }])),
    heldOn: todayISO(),
    capabilityBuilding: '',
    realWork: '',
    stillHard: '',
    supportNeeded: '',
    outputImproved: '',
    observedChange: '',
    note: '',
    visibility: 'shared',
  };
}

/** Why the day cannot be the review's, or true: not ahead of today, not before the review window opens. */
export function heldOnProblem(
  day: string,
  into: string,
  opensOn?: string,
  today = todayISO(),
): string | true {
  if (day > today) return 'A review is recorded after it is held: pick today or an earlier day.';
  if (opensOn && day < opensOn) {
    return `The review into ${into} can be held from ${opensOn}; pick that day or later.`;
  }
  return true;
}

/** Puts focus on the first goal with a problem: its missing key result, else its first choice. */
function focusFirstProblem(goals: readonly Goal[], found: DecisionProblems) {
  const at = goals.findIndex((g) => found.byGoal[g.id]);
  const target =
    at < 0
      ? document.getElementById('review-goal-0-CLOSE_ACHIEVED')
      : (document.getElementById(`review-goal-${at}-keyResult`) ??
        document.getElementById(`review-goal-${at}-CLOSE_ACHIEVED`));
  target?.focus();
}

/** The mutation's input: blank answers left out. */
function reviewInput(earlier: ReviewedPlanFragment, into: string, goals: readonly Goal[], v: Values) {
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  const answers = Object.fromEntries(prompts.map((p) => [p.field, optional(v[p.field])]));
  return {
    planId: earlier.id,
    version: earlier.version,
    cycle: into,
    decisions: decisionsInput(goals, v.decisions),
    heldOn: v.heldOn,
    ...answers,
    observedChange: v.observedChange || undefined,
    note: optional(v.note),
    notePrivate: v.visibility === 'private',
  };
}
