// Records a check-in on the plan: the kind and day, answers to the five
// coaching prompts, the change in output observed, the plan's status
// after, and a note that is shared or private to its author.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';

import { fieldError, useMutation } from '../../api/hooks';
import type { CheckInKind, ObservedChange, PlanStatus } from '../../api/schema';
import { statusLabel } from '../../components/badges';
import { FieldError } from '../../components/states';
import { FormProblems, reloadAfter, useClearOnEdit } from '../plan/FormProblems';
import { checkInKindLabels, needsReason, planStatuses, todayISO } from '../plan/labels';
import { RecordCheckInDocument } from './CheckIn.generated';
import { NoteFields, ObservedChangeChoice } from './CoachingFields';
import { type PromptField, prompts } from './prompts';

type Values = Record<PromptField, string> & {
  kind: CheckInKind;
  heldOn: string;
  observedChange: ObservedChange | '';
  statusAfter: PlanStatus;
  statusReason: string;
  note: string;
  visibility: 'shared' | 'private';
};

const reasonQuestion: Partial<Record<PlanStatus, string>> = {
  BLOCKED: 'Why is the plan blocked?',
  NEEDS_RESET: 'Why does the plan need a reset?',
};

const fields = [
  'kind',
  'heldOn',
  ...prompts.map((p) => p.field),
  'observedChange',
  'statusAfter',
  'statusReason',
  'note',
  'notePrivate',
];

/** The plan as the form needs it: what every check-in sends back, and when its review is due. */
export interface CheckInPlan {
  id: string;
  version: number;
  status: PlanStatus;
  statusReason: string;
  quarterlyReviewDue: string;
  quarterlyReviewHeld: boolean;
  quarterlyReviewOverdue: boolean;
}

interface Props {
  plan: CheckInPlan;
  /** How many days before its due date a quarterly review may be held (the review window and lead). */
  reviewOpensDays: number;
  personName: string;
  /** Reloads the plan and its history after a check-in or a conflict. */
  reload: () => void;
}

const answerFields = [...prompts.map((p) => p.field), 'note'] as const;

export function CheckInForm({ plan, reviewOpensDays, personName, reload }: Props) {
  const record = useMutation(RecordCheckInDocument, (d) => d.recordCheckIn);
  const [recorded, setRecorded] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setValue,
    getFieldState,
    setError,
    clearErrors,
    setFocus,
    formState: { errors },
  } = useForm<Values>({ defaultValues: blankValues(plan, reviewOpensDays) });
  const statusAfter = watch('statusAfter');
  // The note's shared/private choice is the input's notePrivate.
  const inputField = (field: string) => (field === 'visibility' ? 'notePrivate' : field);
  useClearOnEdit(watch, record.clearField, inputField);
  const err = (field: string) =>
    errors[field as keyof Values]?.message ?? fieldError(record.userErrors, inputField(field));
  const aria = (field: string) => ({
    id: `checkin-${field}`,
    'aria-describedby': `checkin-${field}-error`,
    'aria-invalid': err(field) ? true : undefined,
  });

  // A reloaded plan (after a conflict, or someone else's check-in) brings
  // its own status: the form offers that, not the status it opened with,
  // so that sending the form again does not undo another manager's
  // change. The answers typed so far stay.
  const quarterlyDue = reviewWanted(plan, reviewOpensDays);
  useEffect(() => {
    setValue('statusAfter', plan.status);
    setValue('statusReason', plan.statusReason);
    if (!getFieldState('kind').isDirty) setValue('kind', quarterlyDue ? 'QUARTERLY' : 'MONTHLY');
  }, [plan, quarterlyDue, setValue, getFieldState]);

  // Once any answer is typed, the refusal of an empty check-in goes.
  useEffect(() => {
    const sub = watch((_v, { name }) => {
      if (name && (answerFields as readonly string[]).includes(name)) clearErrors('root.answers');
    });
    return () => sub.unsubscribe();
  }, [watch, clearErrors]);

  const submit = handleSubmit(async (v) => {
    setRecorded(undefined);
    if (answerFields.every((f) => v[f].trim() === '')) {
      setError('root.answers', { message: 'Answer at least one prompt, or write a note: an empty check-in says nothing.' });
      setFocus(prompts[0].field);
      return;
    }
    const saved = await record.run({ input: checkInInput(plan, v) });
    if (saved) {
      setRecorded(`Check-in of ${v.heldOn} recorded.`);
      reset(blankValues({ ...plan, status: v.statusAfter, statusReason: v.statusReason }, reviewOpensDays));
      reload();
    }
  });

  return (
    <form className="card checkin-form" onSubmit={submit} aria-labelledby="checkin-form-heading" noValidate>
      <h2 id="checkin-form-heading">Record a check-in with {personName}</h2>
      <fieldset>
        <legend>Kind</legend>
        {(['MONTHLY', 'QUARTERLY'] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" value={k} {...register('kind')} /> {checkInKindLabels[k]}
          </label>
        ))}
        <p className="muted small">
          A quarterly review recorded here counts as this cycle's review of the current plan. Closing goals or
          carrying them into a new cycle is a separate step, taken when the new cycle opens.
        </p>
      </fieldset>
      <FieldError id="checkin-kind-error" message={err('kind')} />

      <label htmlFor="checkin-heldOn">Held on</label>
      <input
        type="date"
        max={todayISO()}
        {...aria('heldOn')}
        {...register('heldOn', {
          required: 'Give the day the check-in was held.',
          validate: (d) => d <= todayISO() || 'A check-in is recorded after it is held: pick today or an earlier day.',
        })}
      />
      <FieldError id="checkin-heldOn-error" message={err('heldOn')} />

      <FieldError id="checkin-answers-error" message={errors.root?.answers?.message} />
      {prompts.map((p) => (
        <div key={p.field}>
          <label htmlFor={`checkin-${p.field}`}>{p.question}</label>
          <textarea
            {...aria(p.field)}
            aria-describedby={`checkin-answers-error checkin-${p.field}-error`}
            {...register(p.field)}
          />
          <FieldError id={`checkin-${p.field}-error`} message={err(p.field)} />
        </div>
      ))}

      <ObservedChangeChoice
        idPrefix="checkin"
        legend="Observed change in output"
        field={register('observedChange')}
        error={err('observedChange')}
      />

      <label htmlFor="checkin-statusAfter">Plan status after the check-in</label>
      <select {...aria('statusAfter')} {...register('statusAfter')}>
        {planStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <FieldError id="checkin-statusAfter-error" message={err('statusAfter')} />

      {needsReason(statusAfter) && (
        <>
          <label htmlFor="checkin-statusReason">{reasonQuestion[statusAfter]}</label>
          <textarea
            {...aria('statusReason')}
            {...register('statusReason', {
              validate: (r) =>
                !needsReason(watch('statusAfter')) ||
                r.trim() !== '' ||
                'Say why, so that the next person can act on it.',
            })}
          />
          <FieldError id="checkin-statusReason-error" message={err('statusReason')} />
        </>
      )}

      <NoteFields
        idPrefix="checkin"
        note={{ ...aria('note'), ...register('note') }}
        visibility={register('visibility')}
        noteError={err('note')}
        visibilityError={err('visibility')}
        help={
          <>
            A private note is shown to you alone. Others who read the plan, {personName} and HR included, see that a
            private note exists, not what it says.
          </>
        }
      />

      <FormProblems state={record} fields={fields} onReload={() => reloadAfter(record.reset, { reload })} />
      {recorded && (
        <p className="state checkin-recorded" role="status">
          {recorded}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" disabled={record.running}>
          {record.running ? 'Recording…' : 'Record the check-in'}
        </button>
      </div>
    </form>
  );
}

/**
 * Whether this check-in should be the quarterly review: the cycle's review
 * is not held yet and is overdue, or its window is open (it may be held
 * from reviewOpensDays before its due date).
 */
export function reviewWanted(plan: CheckInPlan, reviewOpensDays: number, today = todayISO()): boolean {
  if (plan.quarterlyReviewHeld) return false;
  if (plan.quarterlyReviewOverdue) return true;
  const opens = new Date(`${plan.quarterlyReviewDue}T00:00:00Z`);
  opens.setUTCDate(opens.getUTCDate() - reviewOpensDays);
  return today >= opens.toISOString().slice(0, 10);
}

function blankValues(plan: CheckInPlan, reviewOpensDays: number): Values {
  return {
    kind: reviewWanted(plan, reviewOpensDays) ? 'QUARTERLY' : 'MONTHLY',
    heldOn: todayISO(),
    capabilityBuilding: '',
    realWork: '',
    stillHard: '',
    supportNeeded: '',
    outputImproved: '',
    observedChange: '',
    statusAfter: plan.status,
    statusReason: plan.statusReason,
    note: '',
    visibility: 'shared',
  };
}

/** The mutation's input: blank answers left out, the reason only where it counts. */
function checkInInput(plan: { id: string; version: number }, v: Values) {
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  const answers = Object.fromEntries(prompts.map((p) => [p.field, optional(v[p.field])]));
  return {
    planId: plan.id,
    version: plan.version,
    kind: v.kind,
    heldOn: v.heldOn,
    ...answers,
    observedChange: v.observedChange || undefined,
    statusAfter: v.statusAfter,
    statusReason: needsReason(v.statusAfter) ? optional(v.statusReason) : undefined,
    note: optional(v.note),
    notePrivate: v.visibility === 'private',
  };
}
