// Adds a goal to the plan. An execution goal serves one of the cycle's
// key results by building a capability; a career goal looks ahead to a
// horizon. The server checks the lane's rules and names the field at fault.
import { useForm } from 'react-hook-form';

import { fieldError, useMutation, useQuery } from '../../api/hooks';
import type { Lane } from '../../api/schema';
import { FieldError, Loading } from '../../components/states';
import { FormProblems, reloadAfter, useClearOnEdit, useResetOnNewVersion } from './FormProblems';
import { closeOnEscape } from './inline-form';
import { byObjective } from './key-result-groups';
import { laneLabels } from './labels';
import { usePlanEdit } from './plan-context';
import { AddGoalDocument } from './PlanMutations.generated';
import { GoalOptionsDocument } from './Plan.generated';

interface Values {
  lane: Lane;
  title: string;
  changeInWork: string;
  keyResultId: string;
  capabilityId: string;
  targetLevel: string;
  horizon: string;
}

const fields = ['lane', 'title', 'changeInWork', 'keyResultId', 'capabilityId', 'targetLevel', 'horizon'];

interface Props {
  cycle: string;
  onClose: () => void;
}

export function AddGoalForm({ cycle, onClose }: Props) {
  const edit = usePlanEdit();
  const options = useQuery(GoalOptionsDocument, { cycle });
  const add = useMutation(AddGoalDocument, (d) => d.addDevelopmentGoal);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<Values>({
    defaultValues: {
      lane: 'EXECUTION',
      title: '',
      changeInWork: '',
      keyResultId: '',
      capabilityId: '',
      targetLevel: '',
      horizon: '',
    },
  });
  const lane = watch('lane');
  useClearOnEdit(watch, add.clearField);
  useResetOnNewVersion(edit.version, add.reset);
  const capabilityId = watch('capabilityId');
  const capability = options.data?.capabilities.nodes.find((c) => c.id === capabilityId);
  const err = (field: keyof Values) => errors[field]?.message ?? fieldError(add.userErrors, field);
  const described = (field: string) => ({
    id: `add-goal-${field}`,
    'aria-describedby': `add-goal-${field}-error`,
    'aria-invalid': err(field as keyof Values) ? true : undefined,
  });

  const submit = handleSubmit(async (v) => {
    const saved = await add.run({ input: goalInput(edit.planId, edit.version, v) });
    if (saved) {
      onClose();
      edit.reload();
    }
  });

  return (
    <form
      className="inline-form card add-goal"
      onSubmit={submit}
      onKeyDown={closeOnEscape(onClose)}
      aria-label="Add a goal"
      noValidate
    >
      <h3>Add a goal</h3>
      <fieldset aria-describedby="add-goal-lane-error">
        <legend>Lane</legend>
        {(['EXECUTION', 'CAREER'] as const).map((l) => (
          <label key={l} className="choice">
            <input type="radio" value={l} {...register('lane')} /> {laneLabels[l]}
            <span className="muted small">
              {l === 'EXECUTION' ? ' this cycle, serves a key result' : ' medium term, toward a horizon'}
            </span>
          </label>
        ))}
      </fieldset>
      <FieldError id="add-goal-lane-error" message={err('lane')} />

      <label htmlFor="add-goal-title">Goal</label>
      <input
        autoFocus
        {...described('title')}
        {...register('title', { validate: (t) => t.trim() !== '' || 'Name the one narrow thing to develop.' })}
      />
      <FieldError id="add-goal-title-error" message={err('title')} />

      <label htmlFor="add-goal-changeInWork">What will change in the work</label>
      <textarea {...described('changeInWork')} {...register('changeInWork')} />
      <FieldError id="add-goal-changeInWork-error" message={err('changeInWork')} />

      {!options.data &&
        (options.error ? (
          <FormLoadFailure message={options.error.message} />
        ) : (
          <Loading what="key results and capabilities" />
        ))}

      {lane === 'EXECUTION' && (
        <>
          <label htmlFor="add-goal-keyResultId">Key result it serves ({cycle})</label>
          <select {...described('keyResultId')} {...register('keyResultId')}>
            <option value="">Choose a key result</option>
            {byObjective(options.data?.keyResults.nodes ?? []).map((group) => (
              <optgroup key={group.id} label={group.label}>
                {group.keyResults.map((kr) => (
                  <option key={kr.id} value={kr.id}>
                    {kr.title}
                    {kr.critical ? ' (critical)' : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError id="add-goal-keyResultId-error" message={err('keyResultId')} />
        </>
      )}

      <label htmlFor="add-goal-capabilityId">Capability it builds</label>
      <select {...described('capabilityId')} {...register('capabilityId')}>
        <option value="">{lane === 'EXECUTION' ? 'Choose a capability' : 'None'}</option>
        {options.data?.capabilities.nodes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <FieldError id="add-goal-capabilityId-error" message={err('capabilityId')} />

      <label htmlFor="add-goal-targetLevel">Target level</label>
      <select {...described('targetLevel')} disabled={!capability} {...register('targetLevel')}>
        <option value="">{capability ? 'Not set' : 'Choose a capability first'}</option>
        {capability?.levels.map((l) => (
          <option key={l.level} value={String(l.level)}>
            {l.level}: {l.name}
          </option>
        ))}
      </select>
      <FieldError id="add-goal-targetLevel-error" message={err('targetLevel')} />

      {lane === 'CAREER' && (
        <>
          <label htmlFor="add-goal-horizon">Horizon</label>
          <input {...described('horizon')} placeholder="How far ahead, such as 2028-Q2" {...register('horizon')} />
          <FieldError id="add-goal-horizon-error" message={err('horizon')} />
        </>
      )}

      <FormProblems state={add} fields={fields} onReload={() => reloadAfter(add.reset, edit)} />
      <div className="form-buttons">
        <button type="submit" disabled={add.running}>
          {add.running ? 'Adding…' : 'Add the goal'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FormLoadFailure({ message }: { message: string }) {
  return (
    <p className="state state-error" role="alert">
      The choices could not be loaded: {message}
    </p>
  );
}

/** The mutation's input: blank choices left out, fields of the other lane dropped. */
function goalInput(planId: string, version: number, v: Values) {
  const execution = v.lane === 'EXECUTION';
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    planId,
    version,
    lane: v.lane,
    title: v.title.trim(),
    changeInWork: optional(v.changeInWork),
    keyResultId: execution ? optional(v.keyResultId) : undefined,
    capabilityId: optional(v.capabilityId),
    targetLevel: v.targetLevel && v.capabilityId ? Number(v.targetLevel) : undefined,
    horizon: execution ? undefined : optional(v.horizon),
  };
}
