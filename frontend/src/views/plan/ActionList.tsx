// A goal's actions, grouped by how they develop the person, each with
// its supporter, due and done dates and outcome, and the buttons to mark
// it done or reopen it.
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { fieldError, useMutation } from '../../api/hooks';
import { Due } from '../../components/badges';
import { FieldError } from '../../components/states';
import { actionKindLabels, actionKinds, supporterRoleLabels, todayISO } from './labels';
import type { PlanActionFragment } from './Plan.generated';
import { usePlanEdit } from './plan-context';
import { FormProblems, reloadAfter } from './FormProblems';
import { UpdateActionDocument } from './PlanMutations.generated';

export function ActionList({ actions }: { actions: readonly PlanActionFragment[] }) {
  if (actions.length === 0) return <p className="muted small">No actions yet.</p>;
  return (
    <div className="action-groups">
      {actionKinds.map((kind) => {
        const ofKind = actions.filter((a) => a.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className="action-group" aria-label={`${actionKindLabels[kind]} actions`}>
            <h4>{actionKindLabels[kind]}</h4>
            <ul className="action-list">
              {ofKind.map((a) => (
                <ActionItem key={a.id} action={a} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function ActionItem({ action }: { action: PlanActionFragment }) {
  const edit = usePlanEdit();
  const [completing, setCompleting] = useState(false);
  const done = action.doneOn != null;
  return (
    <li className={done ? 'action action-done' : 'action'}>
      <span className="action-title">{action.title}</span>
      <ActionFacts action={action} />
      {action.outcome && <p className="action-outcome">Outcome: {action.outcome}</p>}
      {edit.mayUpdateActions && done && <ReopenButton action={action} />}
      {edit.mayUpdateActions && !done && !completing && (
        <button
          type="button"
          className="secondary small-button"
          aria-label={`Mark done: ${action.title}`}
          onClick={() => setCompleting(true)}
        >
          Mark done
        </button>
      )}
      {completing && !done && <CompleteActionForm action={action} onClose={() => setCompleting(false)} />}
    </li>
  );
}

function ActionFacts({ action }: { action: PlanActionFragment }) {
  return (
    <dl className="facts small">
      <dt>Supporter</dt>
      <dd>
        {action.supporter ? action.supporter.name : <span className="muted">none</span>}
        {action.supporterRole && ` (${supporterRoleLabels[action.supporterRole]})`}
      </dd>
      <dt>Due</dt>
      <dd>
        <Due on={action.dueOn} overdue={action.overdue} />
      </dd>
      <dt>Done</dt>
      <dd>
        {action.doneOn ? <time dateTime={action.doneOn}>{action.doneOn}</time> : <span className="muted">open</span>}
      </dd>
    </dl>
  );
}

interface CompleteValues {
  outcome: string;
}

/** Marks an action done today, with what came of it if the person says. */
function CompleteActionForm({ action, onClose }: { action: PlanActionFragment; onClose: () => void }) {
  const edit = usePlanEdit();
  const update = useMutation(UpdateActionDocument, (d) => d.updateDevelopmentAction);
  const { register, handleSubmit } = useForm<CompleteValues>({ defaultValues: { outcome: action.outcome } });
  const outcomeId = `outcome-${action.id}`;

  const submit = handleSubmit(async (v) => {
    const outcome = v.outcome.trim();
    const saved = await update.run({
      input: { id: action.id, version: edit.version, doneOn: todayISO(), ...(outcome ? { outcome } : {}) },
    });
    if (saved) {
      onClose();
      edit.reload();
    }
  });

  const outcomeError = fieldError(update.userErrors, 'outcome') ?? fieldError(update.userErrors, 'doneOn');
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Mark done: ${action.title}`} noValidate>
      <label htmlFor={outcomeId}>Outcome (optional)</label>
      <textarea
        id={outcomeId}
        autoFocus
        aria-invalid={outcomeError ? true : undefined}
        aria-describedby={`${outcomeId}-error`}
        {...register('outcome')}
      />
      <FieldError id={`${outcomeId}-error`} message={outcomeError} />
      <FormProblems state={update} fields={['outcome', 'doneOn']} onReload={() => reloadAfter(update.reset, edit)} />
      <div className="form-buttons">
        <button type="submit" disabled={update.running}>
          {update.running ? 'Saving…' : `Done today (${todayISO()})`}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReopenButton({ action }: { action: PlanActionFragment }) {
  const edit = usePlanEdit();
  const update = useMutation(UpdateActionDocument, (d) => d.updateDevelopmentAction);
  const reopen = async () => {
    const saved = await update.run({ input: { id: action.id, version: edit.version, reopen: true } });
    if (saved) edit.reload();
  };
  return (
    <>
      <button
        type="button"
        className="secondary small-button"
        aria-label={`Reopen: ${action.title}`}
        disabled={update.running}
        onClick={reopen}
      >
        Reopen
      </button>
      <FormProblems state={update} fields={[]} onReload={() => reloadAfter(update.reset, edit)} />
    </>
  );
}
