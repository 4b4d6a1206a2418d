// A handover pack's contents, the same in the flow's preview and in the
// pack view: the plan and its status, goals by lane, open actions, recent
// shared check-ins, key deliverables, the outgoing manager's risks and
// stakeholder priorities, and the plan rules it breaks.
import type { ReactNode } from 'react';

import { Due, Progress, StatusBadge } from '../../components/badges';
import type { HandoverGoalFieldsFragment, PackContentsFieldsFragment } from './PackContents.generated';
import { actionKindLabels, checkInKindLabels, observedChangeLabels } from './labels';

type Contents = PackContentsFieldsFragment;
type HeadingLevel = 2 | 3 | 4 | 5;

export interface PackContentsProps {
  contents: Contents;
  risks: string;
  stakeholderPriorities: string;
  /** The level of the sections' headings, below the pack's own heading. */
  level?: HeadingLevel;
  /** Makes section ids unique when several packs share a page. */
  idPrefix?: string;
}

export function PackContents(props: PackContentsProps) {
  const { contents, risks, stakeholderPriorities, level = 2, idPrefix = 'pack' } = props;
  const section = (key: string, title: string, body: ReactNode) => (
    <Section id={`${idPrefix}-${key}`} title={title} level={level}>
      {body}
    </Section>
  );
  return (
    <div className="pack-contents">
      {section('plan', 'Plan', <PlanStatusLine contents={contents} />)}
      {section('execution', 'Execution goals', <Goals goals={contents.executionGoals} lane="execution" />)}
      {section('career', 'Career goals', <Goals goals={contents.careerGoals} lane="career" />)}
      {section('actions', 'Open actions', <OpenActions actions={contents.openActions} />)}
      {section('check-ins', 'Recent check-ins', <CheckIns checkIns={contents.recentCheckIns} />)}
      {section('deliverables', 'Key deliverables', <Deliverables items={contents.keyDeliverables} />)}
      {section('risks', 'Risks', <Notes text={risks} />)}
      {section('stakeholders', 'Stakeholder priorities', <Notes text={stakeholderPriorities} />)}
      {section('warnings', 'Plan warnings', <Warnings warnings={contents.warnings} />)}
    </div>
  );
}

interface SectionProps {
  id: string;
  title: string;
  level: HeadingLevel;
  children: ReactNode;
}

function Section({ id, title, level, children }: SectionProps) {
  const Heading = `h${level}` as const;
  return (
    <section className="pack-section" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {children}
    </section>
  );
}

function None({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

function PlanStatusLine({ contents }: { contents: Contents }) {
  if (!contents.status) {
    return <None>No plan{contents.cycle ? ` for ${contents.cycle}` : ''}.</None>;
  }
  return (
    <p>
      {contents.cycle && <span>{contents.cycle}: </span>}
      <StatusBadge status={contents.status} />
      {contents.statusReason && <span className="pack-reason"> {contents.statusReason}</span>}
    </p>
  );
}

function Goals({ goals, lane }: { goals: readonly HandoverGoalFieldsFragment[]; lane: 'execution' | 'career' }) {
  if (goals.length === 0) return <None>No active {lane} goals.</None>;
  return (
    <ul className="pack-goals">
      {goals.map((g, i) => (
        <li key={i}>
          <strong>{g.title}</strong>
          {g.changeInWork && <p>What will change: {g.changeInWork}</p>}
          <GoalLinks goal={g} />
        </li>
      ))}
    </ul>
  );
}

function GoalLinks({ goal }: { goal: HandoverGoalFieldsFragment }) {
  const parts: string[] = [];
  if (goal.keyResult) parts.push(`Key result: ${goal.keyResult}`);
  if (goal.capability) {
    parts.push(`Capability: ${goal.capability}${goal.gap != null ? ` (gap ${goal.gap})` : ''}`);
  }
  if (goal.horizon) parts.push(`Horizon: ${goal.horizon}`);
  if (parts.length === 0) return null;
  return <p className="muted small">{parts.join(' · ')}</p>;
}

function OpenActions({ actions }: { actions: Contents['openActions'] }) {
  if (actions.length === 0) return <None>No open actions.</None>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Kind</th>
          <th scope="col">Goal</th>
          <th scope="col">Supporter</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a, i) => (
          <tr key={i}>
            <td>{a.title}</td>
            <td>{actionKindLabels[a.kind]}</td>
            <td>{a.goal}</td>
            <td>{a.supporter ?? <span className="muted">none</span>}</td>
            <td>
              <Due on={a.dueOn} overdue={a.overdue} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CheckIns({ checkIns }: { checkIns: Contents['recentCheckIns'] }) {
  if (checkIns.length === 0) return <None>No check-ins yet.</None>;
  return (
    <ul className="pack-check-ins">
      {checkIns.map((c, i) => (
        <li key={i}>
          <p>
            <strong>
              <time dateTime={c.heldOn}>{c.heldOn}</time>, {checkInKindLabels[c.kind]}
            </strong>{' '}
            <StatusBadge status={c.statusAfter} />
          </p>
          <dl className="pack-facts">
            <Fact term="Still hard" value={c.stillHard} />
            <Fact term="Support needed" value={c.supportNeeded} />
            <Fact term="Observed change" value={c.observedChange ? observedChangeLabels[c.observedChange] : ''} />
            <Fact term="Note" value={c.note ?? ''} />
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Deliverables({ items }: { items: Contents['keyDeliverables'] }) {
  if (items.length === 0) return <None>Owns no key results this cycle.</None>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Key result</th>
          <th scope="col">Objective</th>
          <th scope="col">Progress</th>
        </tr>
      </thead>
      <tbody>
        {items.map((k, i) => (
          <tr key={i}>
            <td>
              {k.title}
              {k.critical && <span className="badge badge-critical">critical</span>}
            </td>
            <td>{k.objective}</td>
            <td>
              <Progress value={k.progress} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Notes({ text }: { text: string }) {
  if (!text.trim()) return <None>None written.</None>;
  return <p className="pack-notes">{text}</p>;
}

function Warnings({ warnings }: { warnings: Contents['warnings'] }) {
  if (warnings.length === 0) return <None>The plan breaks no rules.</None>;
  return (
    <ul className="pack-warnings">
      {warnings.map((w, i) => (
        <li key={i}>{w.message}</li>
      ))}
    </ul>
  );
}
