// The nodes both chains draw, made from the server's objects: what each
// shows on the graph, and what its details list and link to.
import type { ActionKind, GoalState, Lane, ObjectiveLevel, ObservedChange, PlanStatus, SupporterRole } from '../../api/schema';
import { statusLabel } from '../../components/badges';
import { href } from '../../router';
import type { ChainKeyResultFragment } from './Chain.generated';
import { type Badge, type ChainNode, type DetailField, percent, type Tone } from './graph-model';

const levelLabels: Record<ObjectiveLevel, string> = {
  COMPANY: 'Company objective',
  TEAM: 'Team objective',
  INDIVIDUAL: 'Individual objective',
};

const actionKinds: Record<ActionKind, string> = {
  EXPERIENCE: 'Experience',
  EXPOSURE: 'Exposure',
  EDUCATION: 'Education',
};

const supporterRoles: Record<SupporterRole, string> = {
  MANAGER: 'manager',
  COACH: 'coach',
  MENTOR: 'mentor',
};

const goalStates: Record<GoalState, string> = {
  ACTIVE: 'Active',
  ACHIEVED: 'Achieved',
  DROPPED: 'Dropped',
};

const observedChanges: Record<ObservedChange, string> = {
  DECLINED: 'Output declined',
  NO_CHANGE: 'No visible change',
  SOME_IMPROVEMENT: 'Some improvement',
  CLEAR_IMPROVEMENT: 'Clear improvement',
};

const statusTones: Record<PlanStatus, Tone> = {
  ON_TRACK: 'ok',
  BLOCKED: 'bad',
  COMPLETED: 'info',
  NEEDS_RESET: 'warn',
};

/** A plan status as a badge, in the colours of StatusBadge. */
export function statusBadge(status: PlanStatus): Badge {
  return { label: statusLabel(status), tone: statusTones[status] };
}

export interface ObjectiveFields {
  id: string;
  title: string;
  level: ObjectiveLevel;
  progress: number;
}

/** An objective of the cascade. */
export function objectiveNode(o: ObjectiveFields): ChainNode {
  return {
    id: o.id,
    kind: 'objective',
    kindLabel: levelLabels[o.level],
    title: o.title,
    progress: o.progress,
    progressLabel: 'mean progress of its key results',
    badges: [],
    fields: [
      { label: 'Level', value: levelLabels[o.level] },
      { label: 'Progress', value: percent(o.progress) },
    ],
    links: [],
  };
}

function keyResultChainHref(keyResultId: string): string {
  return href({ view: 'keyResultChain', keyResultId });
}

/** A key result, linking to its own chain of who builds what it needs. */
export function keyResultNode(kr: ChainKeyResultFragment, focus = false): ChainNode {
  const badges: Badge[] = [kr.done ? { label: 'Done', tone: 'ok' } : { label: 'Not done', tone: 'muted' }];
  if (kr.critical) badges.push({ label: 'Critical', tone: 'warn' });
  const fields: DetailField[] = [
    { label: 'Progress', value: percent(kr.progress) },
    { label: 'Done', value: kr.done ? 'Yes' : 'Not yet' },
    { label: 'Critical', value: kr.critical ? 'Yes: HR watches that development stands behind it' : 'No' },
    { label: 'Confidence', value: kr.confidence === null ? 'Not given' : `${kr.confidence}%` },
  ];
  return {
    id: kr.id,
    kind: 'keyResult',
    kindLabel: 'Key result',
    title: kr.title,
    progress: kr.progress,
    progressLabel: 'progress',
    badges,
    fields,
    links: focus ? [] : [{ label: 'Who builds the capabilities it needs', href: keyResultChainHref(kr.id) }],
    focus,
  };
}

export interface RequirementFields {
  id: string;
  level: number;
  reason: string;
  capability: { name: string };
}

/** A key result's need for a capability at a level. */
export function requirementNode(r: RequirementFields, keyResultId: string): ChainNode {
  return {
    id: r.id,
    kind: 'requirement',
    kindLabel: 'Capability needed',
    title: `${r.capability.name} at level ${r.level}`,
    badges: [],
    fields: [
      { label: 'Capability', value: r.capability.name },
      { label: 'Level needed', value: String(r.level) },
      { label: 'Why', value: r.reason || 'Not stated' },
    ],
    links: [{ label: 'Everyone building capability for this key result', href: keyResultChainHref(keyResultId) }],
  };
}

export interface GoalFields {
  id: string;
  title: string;
  lane: Lane;
  state: GoalState;
}

/** A development goal; its progress is the share of its actions done. */
export function goalNode(
  g: GoalFields,
  actions: readonly { doneOn: string | null }[],
  owner: { id: string; name: string },
  status: PlanStatus | undefined,
): ChainNode {
  const done = actions.filter((a) => a.doneOn).length;
  const badges: Badge[] = [];
  if (status) badges.push(statusBadge(status));
  if (g.state !== 'ACTIVE') badges.push({ label: goalStates[g.state], tone: g.state === 'ACHIEVED' ? 'ok' : 'muted' });
  return {
    id: g.id,
    kind: 'goal',
    kindLabel: g.lane === 'EXECUTION' ? 'Execution goal' : 'Career goal',
    title: g.title,
    subtitle: owner.name,
    progress: actions.length > 0 ? done / actions.length : undefined,
    progressLabel: 'actions done',
    badges,
    fields: [
      { label: 'Whose', value: owner.name },
      { label: 'Lane', value: g.lane === 'EXECUTION' ? 'Execution: this cycle' : 'Career: medium term' },
      { label: 'State', value: goalStates[g.state] },
      ...(status ? [{ label: 'Plan status', value: statusLabel(status) }] : []),
      { label: 'Actions done', value: `${done} of ${actions.length}` },
    ],
    links: [{ label: `${owner.name}'s plan`, href: href({ view: 'plan', personId: owner.id }) }],
  };
}

export interface ActionFields {
  id: string;
  kind: ActionKind;
  title: string;
  dueOn: string | null;
  doneOn: string | null;
  overdue: boolean;
  outcome?: string;
  supporterRole?: SupporterRole | null;
  supporter?: { name: string } | null;
}

/** An action, done, overdue or open. */
export function actionNode(a: ActionFields, owner: { id: string; name: string }): ChainNode {
  const fields: DetailField[] = [
    { label: 'Kind', value: actionKinds[a.kind] },
    { label: 'Due', value: a.dueOn ?? 'No date' },
    { label: 'Done', value: a.doneOn ?? 'Not yet' },
  ];
  if (a.supporter) {
    const role = a.supporterRole ? ` (${supporterRoles[a.supporterRole]})` : '';
    fields.push({ label: 'Supporter', value: `${a.supporter.name}${role}` });
  }
  if (a.outcome) fields.push({ label: 'Outcome', value: a.outcome });
  return {
    id: a.id,
    kind: 'action',
    kindLabel: `Action · ${actionKinds[a.kind]}`,
    title: a.title,
    subtitle: a.supporter ? `with ${a.supporter.name}` : undefined,
    badges: [actionState(a)],
    fields,
    links: [{ label: `${owner.name}'s plan`, href: href({ view: 'plan', personId: owner.id }) }],
  };
}

function actionState(a: ActionFields): Badge {
  if (a.doneOn) return { label: `Done ${a.doneOn}`, tone: 'ok' };
  if (a.overdue) return { label: `Overdue since ${a.dueOn}`, tone: 'bad' };
  if (a.dueOn) return { label: `Due ${a.dueOn}`, tone: 'muted' };
  return { label: 'Open', tone: 'muted' };
}

export interface CheckInFields {
  id: string;
  kind: 'MONTHLY' | 'QUARTERLY';
  heldOn: string;
  statusAfter: PlanStatus;
  statusReason: string;
  observedChange: ObservedChange | null;
}

/** A check-in on the person's plan. */
export function checkInNode(c: CheckInFields, person: { id: string; name: string }): ChainNode {
  const badges: Badge[] = [statusBadge(c.statusAfter)];
  if (c.observedChange) badges.push({ label: observedChanges[c.observedChange], tone: 'info' });
  const fields: DetailField[] = [
    { label: 'Held on', value: c.heldOn },
    { label: 'Status after', value: statusLabel(c.statusAfter) },
  ];
  if (c.statusReason) fields.push({ label: 'Reason', value: c.statusReason });
  if (c.observedChange) fields.push({ label: 'Observed change', value: observedChanges[c.observedChange] });
  return {
    id: c.id,
    kind: 'checkIn',
    kindLabel: c.kind === 'MONTHLY' ? 'Monthly check-in' : 'Quarterly review',
    title: `Held ${c.heldOn}`,
    badges,
    fields,
    links: [{ label: `Check-ins with ${person.name}`, href: href({ view: 'checkIn', personId: person.id }) }],
  };
}
