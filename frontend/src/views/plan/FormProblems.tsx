// What a plan form shows above its buttons when a write did not land: a
// version conflict with the offer to reload, the userErrors no field of
// the form claims, or the request's own failure.
import { hasConflict, type MutationState, otherErrors } from '../../api/hooks';
import { ConflictNotice } from '../../components/states';

interface Props {
  state: MutationState;
  /** The input fields the form shows errors beside. */
  fields: readonly string[];
  /** Reloads the plan (and clears these problems). */
  onReload: () => void;
}

export function FormProblems({ state, fields, onReload }: Props) {
  const conflict = hasConflict(state.userErrors);
  const rest = otherErrors(state.userErrors, [...fields, ...(conflict ? ['version'] : [])]);
  return (
    <>
      {conflict && <ConflictNotice onReload={onReload} />}
      {rest.length > 0 && (
        <ul className="state state-error form-problems" role="alert">
          {rest.map((e) => (
            <li key={`${e.field.join('.')}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {state.error && (
        <p className="state state-error" role="alert">
          {state.error.message}
        </p>
      )}
    </>
  );
}

/** Clears a form's problems and fetches the plan again. */
export function reloadAfter(reset: () => void, edit: { reload: () => void }): void {
  reset();
  edit.reload();
}
