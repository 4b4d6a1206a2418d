// Adds an action to a goal: what kind, what to do, who supports it and
// by when. The server's userErrors show beside the fields they name.
import { useForm } from 'react-hook-form';

import { fieldError, useMutation } from '../../api/hooks';
import type { ActionKind, SupporterRole } from '../../api/schema';
import { FieldError } from '../../components/states';
import { FormProblems, reloadAfter, useClearOnEdit, useResetOnNewVersion } from './FormProblems';
import { closeOnEscape } from './inline-form';
import { actionKindHints, actionKindLabels, actionKinds, supporterRoleLabels, supporterRoles } from './labels';
import { usePlanEdit } from './plan-context';
import { AddActionDocument } from './PlanMutations.generated';
import { SupporterField } from './SupporterField';

interface Values {
  kind: ActionKind;
  title: string;
  supporterId: string;
  supporterRole: SupporterRole | '';
  dueOn: string;
}

const fields = ['kind', 'title', 'supporterId', 'supporterRole', 'dueOn'];

interface Props {
  goalId: string;
  goalTitle: string;
  onClose: () => void;
}

export function AddActionForm({ goalId, goalTitle, onClose }: Props) {
  const edit = usePlanEdit();
  const add = useMutation(AddActionDocument, (d) => d.addDevelopmentAction);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<Values>({
    defaultValues: { kind: 'EXPERIENCE', title: '', supporterId: '', supporterRole: '', dueOn: '' },
  });
  useClearOnEdit(watch, add.clearField);
  useResetOnNewVersion(edit.version, add.reset);
  const id = (field: string) => `add-action-${goalId}-${field}`;
  const err = (field: keyof Values) => errors[field]?.message ?? fieldError(add.userErrors, field);

  const submit = handleSubmit(async (v) => {
    const saved = await add.run({
      input: {
        goalId,
        version: edit.version,
        kind: v.kind,
        title: v.title.trim(),
        ...(v.supporterId ? { supporterId: v.supporterId } : {}),
        ...(v.supporterRole ? { supporterRole: v.supporterRole } : {}),
        ...(v.dueOn ? { dueOn: v.dueOn } : {}),
      },
    });
    if (saved) {
      onClose();
      edit.reload();
    }
  });

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      onKeyDown={closeOnEscape(onClose)}
      aria-label={`Add an action to “${goalTitle}”`}
      noValidate
    >
      <label htmlFor={id('kind')}>Kind</label>
      <select id={id('kind')} autoFocus aria-describedby={id('kind-error')} {...register('kind')}>
        {actionKinds.map((k) => (
          <option key={k} value={k}>
            {actionKindLabels[k]}: {actionKindHints[k]}
          </option>
        ))}
      </select>
      <FieldError id={id('kind-error')} message={err('kind')} />

      <label htmlFor={id('title')}>What to do</label>
      <input
        id={id('title')}
        aria-invalid={err('title') ? true : undefined}
        aria-describedby={id('title-error')}
        {...register('title', {
          validate: (t) => t.trim() !== '' || 'Say what the action is; for live work, name it.',
        })}
      />
      <FieldError id={id('title-error')} message={err('title')} />

      <SupporterField id={id('supporterId')} registration={register('supporterId')} error={err('supporterId')} />

      <label htmlFor={id('supporterRole')}>Supporter's role</label>
      <select
        id={id('supporterRole')}
        aria-invalid={err('supporterRole') ? true : undefined}
        aria-describedby={id('supporterRole-error')}
        {...register('supporterRole')}
      >
        <option value="">Not said</option>
        {supporterRoles.map((r) => (
          <option key={r} value={r}>
            {supporterRoleLabels[r]}
          </option>
        ))}
      </select>
      <FieldError id={id('supporterRole-error')} message={err('supporterRole')} />

      <label htmlFor={id('dueOn')}>Due on</label>
      <input
        id={id('dueOn')}
        type="date"
        aria-invalid={err('dueOn') ? true : undefined}
        aria-describedby={id('dueOn-error')}
        {...register('dueOn')}
      />
      <FieldError id={id('dueOn-error')} message={err('dueOn')} />

      <FormProblems state={add} fields={fields} onReload={() => reloadAfter(add.reset, edit)} />
      <div className="form-buttons">
        <button type="submit" disabled={add.running}>
          {add.running ? 'Adding…' : 'Add the action'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
