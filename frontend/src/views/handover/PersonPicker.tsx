// Picks one person by typing part of a name, email or title: the server
// searches, and each match is a button, so the keyboard reaches them in
// order with Tab.
import { type RefObject, useEffect, useRef, useState } from 'react';

import { useQuery } from '../../api/hooks';
import { FieldError } from '../../components/states';
import { PeopleSearchDocument } from './HandoverFlow.generated';

/** A person as the picker shows them. */
export interface PickedPerson {
  id: string;
  name: string;
  title: string;
  team?: { name: string } | null;
}

interface PersonPickerProps {
  id: string;
  label: string;
  value?: PickedPerson;
  onChange: (p: PickedPerson | undefined) => void;
  error?: string;
}

// Waits for typing to pause before asking the server.
const searchDelayMs = 250;

export function PersonPicker({ id, label, value, onChange, error }: PersonPickerProps) {
  // Focus follows the swap between searching and the chosen person, so
  // that the keyboard is not left on a button that has just gone.
  const swapped = useRef(false);
  const change = (p: PickedPerson | undefined) => {
    swapped.current = true;
    onChange(p);
  };
  if (value) {
    return <Chosen id={id} label={label} value={value} onClear={() => change(undefined)} error={error} focus={swapped} />;
  }
  return <PersonSearch id={id} label={label} onChange={change} error={error} focus={swapped} />;
}

/** Focuses the element once when it mounts after a swap. */
function useFocusAfterSwap<T extends HTMLElement>(swapped: RefObject<boolean>) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!swapped.current) return;
    swapped.current = false;
    ref.current?.focus();
  }, [swapped]);
  return ref;
}

interface ChosenProps {
  id: string;
  label: string;
  value: PickedPerson;
  onClear: () => void;
  error?: string;
  focus: RefObject<boolean>;
}

function Chosen({ id, label, value, onClear, error, focus }: ChosenProps) {
  const button = useFocusAfterSwap<HTMLButtonElement>(focus);
  return (
    <div
      className="person-picker"
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <span className="picker-label" id={`${id}-label`}>
        {label}
      </span>
      <p className="picker-chosen">
        <strong>{value.name}</strong>
        <span className="muted"> {describe(value)}</span>{' '}
        <button ref={button} type="button" className="secondary" onClick={onClear}>
          Change {label.toLowerCase()}
        </button>
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface SearchProps {
  id: string;
  label: string;
  onChange: (p: PickedPerson) => void;
  error?: string;
  focus: RefObject<boolean>;
}

function PersonSearch({ id, label, onChange, error, focus }: SearchProps) {
  const input = useFocusAfterSwap<HTMLInputElement>(focus);
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setTerm(typed.trim()), searchDelayMs);
    return () => clearTimeout(t);
  }, [typed]);
  const errorId = `${id}-error`;
  return (
    <div className="person-picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="search"
        value={typed}
        autoComplete="off"
        placeholder="Type part of a name, email or title"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setTyped(e.target.value)}
      />
      <FieldError id={errorId} message={error} />
      {term.length >= 2 && <Matches term={term} label={label} onPick={onChange} />}
    </div>
  );
}

function Matches({ term, label, onPick }: { term: string; label: string; onPick: (p: PickedPerson) => void }) {
  const { data, error, loading } = useQuery(PeopleSearchDocument, { search: term });
  if (error) return <p className="field-error">{error.message}</p>;
  if (!data) return loading ? <p className="muted small">Searching…</p> : null;
  const people = data.people.nodes;
  if (people.length === 0) return <p className="muted small">Nobody matches “{term}”.</p>;
  return (
    <ul className="person-matches" aria-label={`Matches for ${label.toLowerCase()}`}>
      {people.map((p) => (
        <li key={p.id}>
          <button type="button" className="secondary" onClick={() => onPick(p)}>
            {p.name}
            <span className="muted"> {describe(p)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function describe(p: PickedPerson): string {
  return [p.title, p.team?.name].filter(Boolean).join(' · ');
}
