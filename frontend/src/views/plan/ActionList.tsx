// A goal's actions, grouped by how they develop the person, each with
// its supporter, due and done dates and outcome, and the buttons to mark
// it done or reopen it.
import { useRef } from 'react';
import { useForm } from 'react-hook-form';

import { fieldError, useMutation } from '../../api/hooks';
import { Due } from '../../components/badges';
import { FieldError } from '../../components/states';
import { actionKindLabels, actionKinds, supporterRoleLabels, todayISO } from './labels';
import type { PlanActionFragment } from './Plan.generated';
import { usePlanEdit } from './plan-context';
import { FormProblems, reloadAfter, useClearOnEdit, useResetOnNewVersion } from './FormProblems';
import { closeOnEscape, useInlineForm } from './inline-form';
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
  const completing = useInlineForm();
  // After marking done or reopening, the button pressed goes away (the
  // action changes state): focus rests on the action itself instead.
  const item = useRef<HTMLLIElement>(null);
  const done = action.doneOn != null;
  return (
    <li className={done ? 'action action-done' : 'action'} ref={item} tabIndex={-1}>
      <span className="action-title">{action.title}</span>
      <ActionFacts action={action} />
      {action.outcome && <p className="action-outcome">Outcome: {action.outcome}</p>}
      {edit.mayUpdateActions && done && <ReopenButton action={action} onReopened={() => item.current?.focus()} />}
      {edit.mayUpdateActions && !done && !completing.open && (
        <button
          type="button"
          className="secondary small-button"
          aria-label={`Mark done: ${action.title}`}
          ref={completing.opener}
          onClick={completing.show}
        >
          Mark done
        </button>
      )}
      {completing.open && !done && (
        <CompleteActionForm
          action={action}
          onClose={() => completing.close()}
          onDone={() => completing.close(() => item.current)}
        />
      )}
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

interface CompleteProps {
  action: PlanActionFragment;
  onClose: () => void;
  onDone: () => void;
}

/** Marks an action done today, with what came of it if the person says. */
function CompleteActionForm({ action, onClose, onDone }: CompleteProps) {
  const edit = usePlanEdit();
  const update = useMutation(UpdateActionDocument, (d) => d.updateDevelopmentAction);
  const { register, handleSubmit, watch } = useForm<CompleteValues>({ defaultValues: { outcome: action.outcome } });
  useClearOnEdit(watch, update.clearField);
  useResetOnNewVersion(edit.version, update.reset);
  const outcomeId = `outcome-${action.id}`;

  const submit = handleSubmit(async (v) => {
    const outcome = v.outcome.trim();
    const saved = await update.run({
      input: { id: action.id, version: edit.version, doneOn: todayISO(), ...(outcome ? { outcome } : {}) },
    });
    if (saved) {
      onDone();
      edit.reload();
    }
  });

  const outcomeError = fieldError(update.userErrors, 'outcome') ?? fieldError(update.userErrors, 'doneOn');
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      onKeyDown={closeOnEscape(onClose)}
      aria-label={`Mark done: ${action.title}`}
      noValidate
    >
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

function ReopenButton({ action, onReopened }: { action: PlanActionFragment; onReopened: () => void }) {
  const edit = usePlanEdit();
  const update = useMutation(UpdateActionDocument, (d) => d.updateDevelopmentAction);
  useResetOnNewVersion(edit.version, update.reset);
  const reopen = async () => {
    const saved = await update.run({ input: { id: action.id, version: edit.version, reopen: true } });
    if (saved) {
      onReopened();
      edit.reload();
    }
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
