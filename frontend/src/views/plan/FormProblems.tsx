// What a plan form shows above its buttons when a write did not land: a
// version conflict with the offer to reload, the userErrors no field of
// the form claims, or the request's own failure.
import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormWatch } from 'react-hook-form';

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

/**
 * Clears the server's error on a field as soon as the person edits that
 * field, so that a message about the old text does not sit beside the
 * new one. inputName maps a form field to the input field the server
 * names, where they differ.
 */
export function useClearOnEdit<T extends FieldValues>(
  watch: UseFormWatch<T>,
  clearField: (field: string) => void,
  inputName: (field: string) => string = (f) => f,
): void {
  const toInput = useRef(inputName);
  toInput.current = inputName;
  useEffect(() => {
    const sub = watch((_values, { name }) => {
      if (name) clearField(toInput.current(name));
    });
    return () => sub.unsubscribe();
  }, [watch, clearField]);
}

/**
 * Runs reset whenever the plan's version changes after the form opened:
 * the plan was reloaded, so a conflict notice (this form's or one raised
 * by another form on the same plan) is settled.
 */
export function useResetOnNewVersion(version: number, reset: () => void): void {
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reset();
  }, [version, reset]);
}
