// One goal of the plan, as its lane shows it: an execution goal with the
// key result it serves and the capability gap behind it; a career goal
// with its horizon. Both list their actions and can take a new one.
import type { ReactNode } from 'react';

import { Progress } from '../../components/badges';
import { href } from '../../router';
import { ActionList } from './ActionList';
import { AddActionForm } from './AddActionForm';
import { evidenceKindLabels, goalStateLabels, warningLabels } from './labels';
import type { PlanDetailFragment, PlanGoalFragment } from './Plan.generated';
import { useInlineForm } from './inline-form';
import { usePlanEdit } from './plan-context';

type Warning = PlanDetailFragment['warnings'][number];

interface Props {
  goal: PlanGoalFragment;
  /** The plan's warnings about this goal. */
  warnings: readonly Warning[];
}

export function ExecutionGoalCard({ goal, warnings }: Props) {
  return (
    <GoalFrame goal={goal} warnings={warnings}>
      <dl className="facts">
        <dt>Capability</dt>
        <dd>{capabilityText(goal)}</dd>
        <dt>Key result</dt>
        <dd>
          <KeyResultLine goal={goal} />
        </dd>
      </dl>
      <GapDetail gap={goal.gap} />
    </GoalFrame>
  );
}

export function CareerGoalCard({ goal, warnings }: Props) {
  return (
    <GoalFrame goal={goal} warnings={warnings}>
      <dl className="facts">
        <dt>Horizon</dt>
        <dd>{goal.horizon || <span className="muted">not set</span>}</dd>
        {goal.capability && (
          <>
            <dt>Capability</dt>
            <dd>{capabilityText(goal)}</dd>
          </>
        )}
      </dl>
    </GoalFrame>
  );
}

/** What both kinds of goal show around their own details. */
function GoalFrame({ goal, warnings, children }: Props & { children: ReactNode }) {
  const edit = usePlanEdit();
  const adding = useInlineForm();
  const headingId = `goal-${goal.id}`;
  return (
    <article className={`goal card goal-${goal.state.toLowerCase()}`} aria-labelledby={headingId}>
      <header className="goal-header">
        <h3 id={headingId}>{goal.title}</h3>
        <span className={`badge goal-state state-${goal.state.toLowerCase()}`}>{goalStateLabels[goal.state]}</span>
      </header>
      <p className="change-in-work">
        <span className="label">Change in work: </span>
        {goal.changeInWork || <span className="muted">not said yet</span>}
      </p>
      {children}
      {warnings.length > 0 && (
        <ul className="goal-warnings" aria-label="Warnings about this goal">
          {warnings.map((w) => (
            <li key={w.code}>
              <strong className="warning-rule">{warningLabels[w.code]}:</strong> {w.message}
            </li>
          ))}
        </ul>
      )}
      <h4 className="actions-heading">Actions</h4>
      <ActionList actions={goal.actions} />
      {edit.mayEdit && !adding.open && (
        <button
          type="button"
          className="secondary"
          ref={adding.opener}
          onClick={adding.show}
          aria-label={`Add an action to “${goal.title}”`}
        >
          Add an action
        </button>
      )}
      {adding.open && <AddActionForm goalId={goal.id} goalTitle={goal.title} onClose={() => adding.close()} />}
    </article>
  );
}

function capabilityText(goal: PlanGoalFragment): ReactNode {
  if (!goal.capability) return <span className="muted">none</span>;
  if (goal.targetLevel == null) return goal.capability.name;
  const level = goal.capability.levels.find((l) => l.level === goal.targetLevel);
  return `${goal.capability.name}, target level ${goal.targetLevel}${level ? ` (${level.name})` : ''}`;
}

function KeyResultLine({ goal }: { goal: PlanGoalFragment }) {
  const kr = goal.keyResult;
  if (!kr) return <span className="muted">none: an execution goal needs one</span>;
  return (
    <span className="key-result">
      <a href={href({ view: 'keyResultChain', keyResultId: kr.id })}>{kr.title}</a>{' '}
      <Progress value={kr.progress} label={`Progress of “${kr.title}”`} />
      {kr.critical && <span className="badge badge-critical">critical</span>}
      <span className="key-result-values small">{keyResultValues(kr)}</span>
    </span>
  );
}

/**
 * Where a key result stands in its own terms: a metric from its start
 * through its latest value to its target, in its unit; a done / not done
 * result as done or not yet.
 */
export function keyResultValues(kr: NonNullable<PlanGoalFragment['keyResult']>): string {
  const m = kr.metric;
  if (!m) return kr.done ? 'done' : 'not done yet';
  const n = (v: number | null | undefined) => (v == null ? '?' : numberFormat.format(v));
  const unit = m.unit === '' ? '' : m.unit === '%' ? '%' : ` ${m.unit}`;
  const now = m.current == null ? 'nothing recorded yet' : n(m.current);
  return `start ${n(m.start)} → now ${now} → target ${n(m.target)}${unit}`;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function GapDetail({ gap }: { gap: PlanGoalFragment['gap'] }) {
  if (!gap) return <p className="muted small">No capability gap: the goal names no capability.</p>;
  const a = gap.assessment;
  return (
    <section className="gap" aria-label="Capability gap">
      <p className="gap-numbers">
        <span>
          Required <strong>{gap.required}</strong>
        </span>
        <span>
          Current <strong>{gap.current}</strong>
        </span>
        <span className={gap.gap > 0 ? 'gap-open' : 'gap-closed'}>
          Gap <strong>{gap.gap}</strong>
        </span>
      </p>
      {a ? (
        <>
          <p className="small">
            Assessed at {a.level} on <time dateTime={a.assessedOn}>{a.assessedOn}</time>
            {a.assessedBy && ` by ${a.assessedBy.name}`}
            {a.note && `: ${a.note}`}
          </p>
          {a.evidence.length > 0 ? (
            <ul className="evidence small" aria-label="Evidence from delivery">
              {a.evidence.map((e, i) => (
                <li key={i}>
                  <span className="evidence-kind">{evidenceKindLabels[e.kind]}</span>
                  {e.observedOn && (
                    <>
                      {' '}
                      (<time dateTime={e.observedOn}>{e.observedOn}</time>)
                    </>
                  )}
                  : {e.description}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">No evidence from delivery behind this assessment.</p>
          )}
        </>
      ) : (
        <p className="muted small">Never assessed in this capability.</p>
      )}
    </section>
  );
}
