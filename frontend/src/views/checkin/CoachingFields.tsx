// The parts of a check-in that a quarterly review asks too: the observed
// change in the person's output, and the note with who may read it. Both
// forms register the same field names with react-hook-form.
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { FieldError } from '../../components/states';
import { observedChangeLabels, observedChanges } from '../plan/labels';

interface ObservedChangeChoiceProps {
  /** The form's prefix for element IDs, such as 'checkin'. */
  idPrefix: string;
  legend: string;
  field: UseFormRegisterReturn;
  error?: string;
}

/** One radio per observed change, and "not recorded". */
export function ObservedChangeChoice({ idPrefix, legend, field, error }: ObservedChangeChoiceProps) {
  const errorId = `${idPrefix}-observedChange-error`;
  return (
    <>
      <fieldset aria-describedby={errorId}>
        <legend>{legend}</legend>
        <label className="choice">
          <input type="radio" value="" {...field} /> Not recorded
        </label>
        {observedChanges.map((c) => (
          <label key={c} className="choice">
            <input type="radio" value={c} {...field} /> {observedChangeLabels[c]}
          </label>
        ))}
      </fieldset>
      <FieldError id={errorId} message={error} />
    </>
  );
}

interface NoteFieldsProps {
  idPrefix: string;
  /** The note's textarea: its registration and its aria attributes. */
  note: UseFormRegisterReturn & Record<string, unknown>;
  visibility: UseFormRegisterReturn;
  noteError?: string;
  visibilityError?: string;
  /** Says who sees that a private note exists, when the form says so. */
  help?: ReactNode;
}

/** The note, and whether it is shared with everyone who reads the plan. */
export function NoteFields({ idPrefix, note, visibility, noteError, visibilityError, help }: NoteFieldsProps) {
  const helpId = `${idPrefix}-visibility-help`;
  const errorId = `${idPrefix}-visibility-error`;
  return (
    <>
      <label htmlFor={`${idPrefix}-note`}>Note</label>
      <textarea {...note} />
      <FieldError id={`${idPrefix}-note-error`} message={noteError} />
      <fieldset aria-describedby={help ? `${helpId} ${errorId}` : errorId}>
        <legend>Who can read the note</legend>
        <label className="choice">
          <input type="radio" value="shared" {...visibility} /> Shared: everyone who can read this plan
        </label>
        <label className="choice">
          <input type="radio" value="private" {...visibility} /> Private: only you
        </label>
        {help && (
          <p id={helpId} className="muted small">
            {help}
          </p>
        )}
      </fieldset>
      <FieldError id={errorId} message={visibilityError} />
    </>
  );
}
