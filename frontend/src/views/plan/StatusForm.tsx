// Changes the plan's status. The server wants a reason for BLOCKED and
// NEEDS_RESET and says so in a userError, shown beside the reason.
import { useForm } from 'react-hook-form';

import { fieldError, useMutation } from '../../api/hooks';
import type { PlanStatus } from '../../api/schema';
import { statusLabel } from '../../components/badges';
import { FieldError } from '../../components/states';
import { FormProblems, reloadAfter, useClearOnEdit, useResetOnNewVersion } from './FormProblems';
import { closeOnEscape } from './inline-form';
import { needsReason, planStatuses } from './labels';
import { usePlanEdit } from './plan-context';
import { SetPlanStatusDocument } from './PlanMutations.generated';

interface Values {
  status: PlanStatus;
  reason: string;
}

interface Props {
  status: PlanStatus;
  reason: string;
  onClose: () => void;
}

export function StatusForm({ status, reason, onClose }: Props) {
  const edit = usePlanEdit();
  const setStatus = useMutation(SetPlanStatusDocument, (d) => d.setPlanStatus);
  const { register, handleSubmit, watch } = useForm<Values>({ defaultValues: { status, reason } });
  const chosen = watch('status');
  useClearOnEdit(watch, setStatus.clearField);
  useResetOnNewVersion(edit.version, setStatus.reset);
  const statusError = fieldError(setStatus.userErrors, 'status');
  const reasonError = fieldError(setStatus.userErrors, 'reason');

  const submit = handleSubmit(async (v) => {
    const why = v.reason.trim();
    const saved = await setStatus.run({
      input: { planId: edit.planId, version: edit.version, status: v.status, ...(why ? { reason: why } : {}) },
    });
    if (saved) {
      onClose();
      edit.reload();
    }
  });

  return (
    <form
      className="inline-form status-form"
      onSubmit={submit}
      onKeyDown={closeOnEscape(onClose)}
      aria-label="Change the plan's status"
      noValidate
    >
      <label htmlFor="plan-status">Status</label>
      <select
        id="plan-status"
        autoFocus
        aria-invalid={statusError ? true : undefined}
        aria-describedby="plan-status-error"
        {...register('status')}
      >
        {planStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <FieldError id="plan-status-error" message={statusError} />
      <label htmlFor="plan-reason">
        Reason{needsReason(chosen) ? '' : ' (only kept when blocked or needing a reset)'}
      </label>
      <textarea
        id="plan-reason"
        aria-invalid={reasonError ? true : undefined}
        aria-describedby="plan-reason-error"
        {...register('reason')}
      />
      <FieldError id="plan-reason-error" message={reasonError} />
      <FormProblems
        state={setStatus}
        fields={['status', 'reason']}
        onReload={() => reloadAfter(setStatus.reset, edit)}
      />
      <div className="form-buttons">
        <button type="submit" disabled={setStatus.running}>
          {setStatus.running ? 'Saving…' : 'Save the status'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
