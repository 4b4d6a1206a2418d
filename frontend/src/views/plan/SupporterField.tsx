// The supporter of a new action: a list that starts with the people close
// to the plan (the manager, colleagues, current supporters) and grows with
// anyone found by a search of the organisation.
import { useEffect, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { useQuery } from '../../api/hooks';
import { FieldError } from '../../components/states';
import { type Candidate, usePlanEdit } from './plan-context';
import { SupporterSearchDocument } from './Plan.generated';

interface Props {
  id: string;
  registration: UseFormRegisterReturn;
  error?: string;
}

export function SupporterField({ id, registration, error }: Props) {
  const { candidates } = usePlanEdit();
  const [term, setTerm] = useState('');
  const search = useDebounced(term.trim(), 300);
  const found = useQuery(SupporterSearchDocument, { search }, search.length < 2);
  const [seen, setSeen] = useState<readonly Candidate[]>([]);

  // Keep everyone found so far, so that a person picked from one search
  // stays selectable while the next search runs.
  useEffect(() => {
    const people = found.data?.people.nodes ?? [];
    setSeen((old) => mergeFound(old, candidates, people));
  }, [found.data, candidates]);

  const statusId = `${id}-search-status`;
  return (
    <div className="supporter-field">
      <label htmlFor={id}>Supporter</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={`${id}-error`} {...registration}>
        <option value="">Nobody yet</option>
        <optgroup label="Close to this plan">
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.why})
            </option>
          ))}
        </optgroup>
        {seen.length > 0 && (
          <optgroup label="Found by search">
            {seen.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.why})
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <FieldError id={`${id}-error`} message={error} />
      <label htmlFor={`${id}-search`} className="secondary-label">
        Find someone else
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={term}
        placeholder="Part of a name, email or title"
        aria-describedby={statusId}
        onChange={(e) => setTerm(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches (it already does as one types); it must not
          // submit the action before a supporter is picked.
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <span id={statusId} className="muted small" role="status" aria-live="polite">
        {searchStatus(search, found.loading, found.data?.people.nodes.length)}
      </span>
    </div>
  );
}

function searchStatus(search: string, loading: boolean, count?: number): string {
  if (search.length < 2) return '';
  if (loading) return 'Searching…';
  if (count === 0) return `Nobody matches “${search}”.`;
  return `${count} found: pick them in the Supporter list.`;
}

function mergeFound(
  old: readonly Candidate[],
  candidates: readonly Candidate[],
  people: readonly { id: string; name: string; title: string }[],
): readonly Candidate[] {
  const known = new Set([...old, ...candidates].map((c) => c.id));
  const fresh = people
    .filter((p) => !known.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, why: p.title || 'found' }));
  return fresh.length === 0 ? old : [...old, ...fresh];
}

/** The value, once it has stopped changing for ms milliseconds. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
