// One execution goal's decision at the review: close it as achieved or as
// dropped, or carry it over to a key result of the new cycle, found by
// typing part of its title, objective or team and picked from a list
// (Enter in the search takes the only match, and goes to the list).
import { type KeyboardEvent, useState } from 'react';
import type { UseFormRegister, UseFormSetValue, UseFormWatch } from 'react-hook-form';

import type { GoalDecision } from '../../api/schema';
import { FieldError } from '../../components/states';
import type { QuarterlyReviewQuery, ReviewedPlanFragment } from './Review.generated';
import type { Values } from './ReviewForm';
import { byObjective } from '../plan/key-result-groups';
import { findKeyResults } from './review-model';

const choices: readonly GoalDecision[] = ['CLOSE_ACHIEVED', 'CLOSE_DROPPED', 'CARRY_OVER'];

interface Props {
  /** The goal's place on the form, for element IDs. */
  index: number;
  goal: ReviewedPlanFragment['executionGoals'][number];
  /** The new cycle's name. */
  into: string;
  keyResults: QuarterlyReviewQuery['keyResults'];
  register: UseFormRegister<Values>;
  setValue: UseFormSetValue<Values>;
  watch: UseFormWatch<Values>;
  /** What is wrong with the decision, from the form's check or the server. */
  problem?: string;
}

export function DecisionField({ index, goal, into, keyResults, register, setValue, watch, problem }: Props) {
  const base = `review-goal-${index}`;
  const decision = watch(`decisions.${goal.id}.decision`);
  const none = keyResults.nodes.length === 0;
  const label: Record<GoalDecision, string> = {
    CLOSE_ACHIEVED: 'Close as achieved',
    CLOSE_DROPPED: 'Close as dropped',
    CARRY_OVER: `Carry over to ${into}`,
  };
  return (
    <fieldset className="decision" aria-describedby={`${base}-error`}>
      <legend>{goal.title}</legend>
      <dl className="facts decision-facts small">
        <dt>Key result</dt>
        <dd>{goal.keyResult?.title ?? <span className="muted">none</span>}</dd>
        <dt>Capability</dt>
        <dd>
          {goal.capability?.name ?? <span className="muted">none</span>}
          {goal.targetLevel !== null && `, target level ${goal.targetLevel}`}
        </dd>
      </dl>
      <div className="decision-choices">
        {choices.map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              id={`${base}-${c}`}
              value={c}
              disabled={c === 'CARRY_OVER' && none}
              {...register(`decisions.${goal.id}.decision`)}
            />{' '}
            {label[c]}
          </label>
        ))}
      </div>
      {none && (
        <p className="muted small">
          {into} has no key results yet, so nothing can be carried over to it: HR adds the cycle's OKRs first.
        </p>
      )}
      {decision === 'CARRY_OVER' && !none && (
        <KeyResultPicker
          base={base}
          goalId={goal.id}
          into={into}
          keyResults={keyResults}
          register={register}
          setValue={setValue}
          watch={watch}
          invalid={!!problem}
        />
      )}
      <FieldError id={`${base}-error`} message={problem} />
    </fieldset>
  );
}

interface PickerProps {
  base: string;
  goalId: string;
  into: string;
  keyResults: QuarterlyReviewQuery['keyResults'];
  register: UseFormRegister<Values>;
  setValue: UseFormSetValue<Values>;
  watch: UseFormWatch<Values>;
  invalid: boolean;
}

function KeyResultPicker(props: PickerProps) {
  const { base, goalId, into, keyResults, register, setValue, watch, invalid } = props;
  const [search, setSearch] = useState('');
  const field = `decisions.${goalId}.keyResultId` as const;
  const chosen = watch(field);
  const shown = findKeyResults(keyResults.nodes, search, chosen);
  const listId = `${base}-keyResult`;

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (shown.length === 1) setValue(field, shown[0].id, { shouldDirty: true });
    document.getElementById(listId)?.focus();
  };
  const loaded = keyResults.nodes.length;
  const total = keyResults.totalCount;
  const matches = search.trim()
    ? `${shown.length} of ${loaded} key results match.`
    : `${loaded} key results.`;
  const cut = total > loaded ? ` Only the first ${loaded} of ${total} are offered.` : '';
  return (
    <div className="kr-picker">
      <label htmlFor={`${base}-search`}>Find a key result of {into}</label>
      <input
        id={`${base}-search`}
        type="search"
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onSearchKey}
        aria-controls={listId}
        aria-describedby={`${base}-matches`}
      />
      <span id={`${base}-matches`} className="muted small review-hint" aria-live="polite">
        {matches}
        {cut} Enter takes the only match.
      </span>
      <label htmlFor={listId}>Key result it will serve</label>
      <select
        id={listId}
        aria-describedby={`${base}-error`}
        aria-invalid={invalid || undefined}
        {...register(field)}
      >
        <option value="">
          {shown.length > 0 ? 'Choose a key result' : 'No key result matches the search'}
        </option>
        {byObjective(shown).map((group) => (
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
    </div>
  );
}
