// The team view's rows and the rules that build and filter them, kept
// apart from React so that tests can check them with plain data.
import type { PlanStatus, WarningCode } from '../../api/schema';
import type { MyTeamQuery, TeamMemberFragment } from './Team.generated';

/** One report as the team view lists them. */
export interface TeamRow {
  id: string;
  name: string;
  title: string;
  /** Whether the person reports to the viewer directly. */
  direct: boolean;
  /** For indirect reports found by walking down: whom they report to. */
  managerName?: string;
  /** Whether the person has reports of their own (where the walk goes on). */
  hasReports: boolean;
  plan: {
    status: PlanStatus;
    statusReason: string;
    warnings: readonly { code: WarningCode; message: string }[];
  } | null;
  /** The next monthly check-in; null when nothing is due (no plan, a completed plan). */
  nextCheckInDue: string | null;
  checkInOverdue: boolean;
  /** The quarterly review; null when held or nothing is due. */
  quarterlyReviewDue: string | null;
  quarterlyReviewOverdue: boolean;
  quarterlyReviewHeld: boolean;
}

/** What the viewer narrows the list to. */
export interface TeamFilter {
  search: string;
  /** A plan status, 'NO_PLAN' for reports without a plan, or 'ANY'. */
  status: PlanStatus | 'NO_PLAN' | 'ANY';
  overdueOnly: boolean;
  warningsOnly: boolean;
  includeIndirect: boolean;
}

export const noFilter: TeamFilter = {
  search: '',
  status: 'ANY',
  overdueOnly: false,
  warningsOnly: false,
  includeIndirect: false,
};

type DueCheckIn = NonNullable<MyTeamQuery['dueCheckIns']>['nodes'][number];

/**
 * A row from a person and their plan. A completed plan has nothing due
 * and a held review is not due again, as the server's due list has it.
 */
export function rowFromMember(m: TeamMemberFragment, direct: boolean, managerName?: string): TeamRow {
  const plan = m.plan;
  const open = plan !== null && plan.status !== 'COMPLETED';
  const reviewOpen = open && !plan.quarterlyReviewHeld;
  return {
    id: m.id,
    name: m.name,
    title: m.title,
    direct,
    managerName,
    hasReports: m.reports.totalCount > 0,
    plan: plan && { status: plan.status, statusReason: plan.statusReason, warnings: plan.warnings },
    nextCheckInDue: open ? plan.nextCheckInDue : null,
    checkInOverdue: open && plan.checkInOverdue,
    quarterlyReviewDue: reviewOpen ? plan.quarterlyReviewDue : null,
    quarterlyReviewOverdue: reviewOpen && plan.quarterlyReviewOverdue,
    quarterlyReviewHeld: plan?.quarterlyReviewHeld ?? false,
  };
}

/** A row from the server's due list: its dates are the server's rule. */
function rowFromDue(d: DueCheckIn): TeamRow {
  return {
    ...rowFromMember(d.person, d.direct),
    nextCheckInDue: d.nextCheckInDue,
    checkInOverdue: d.checkInOverdue,
    quarterlyReviewDue: d.quarterlyReviewDue,
    quarterlyReviewOverdue: d.quarterlyReviewOverdue,
  };
}

/**
 * Everyone the view can list: the direct reports, the server's due list
 * (which dates reports with no plan too, and names indirect reports with
 * something due) and the indirect reports found by walking down (which
 * also finds those with nothing due). A person appears once.
 */
export function mergeTeam(data: MyTeamQuery, walked: readonly TeamRow[] = []): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  for (const m of data.viewer.person?.reports.nodes ?? []) rows.set(m.id, rowFromMember(m, true));
  for (const d of data.dueCheckIns?.nodes ?? []) {
    const known = rows.get(d.person.id);
    rows.set(d.person.id, { ...rowFromDue(d), direct: known?.direct ?? d.direct });
  }
  for (const w of walked) {
    const known = rows.get(w.id);
    rows.set(w.id, known ? { ...known, managerName: known.managerName ?? w.managerName } : w);
  }
  return sortRows([...rows.values()]);
}

/**
 * How many reports have something due beyond the page of the due list the
 * view read (the most overdue): their due dates are not in the view.
 */
export function dueLeftOut(data: MyTeamQuery): number {
  const due = data.dueCheckIns;
  return due ? Math.max(due.totalCount - due.nodes.length, 0) : 0;
}

/** Direct reports first, then by name. */
export function sortRows(rows: TeamRow[]): TeamRow[] {
  return rows.sort((a, b) => Number(b.direct) - Number(a.direct) || a.name.localeCompare(b.name));
}

/** The rows the filter lets through, in their order. */
export function filterTeam(rows: readonly TeamRow[], f: TeamFilter): TeamRow[] {
  const needle = fold(f.search.trim());
  return rows.filter(
    (r) =>
      (f.includeIndirect || r.direct) &&
      (needle === '' || fold(r.name).includes(needle)) &&
      matchesStatus(r, f.status) &&
      (!f.overdueOnly || isOverdue(r)) &&
      (!f.warningsOnly || warningCount(r) > 0),
  );
}

function matchesStatus(r: TeamRow, status: TeamFilter['status']): boolean {
  if (status === 'ANY') return true;
  if (status === 'NO_PLAN') return r.plan === null;
  return r.plan?.status === status;
}

/** Whether a check-in or the quarterly review is overdue. */
export function isOverdue(r: TeamRow): boolean {
  return r.checkInOverdue || r.quarterlyReviewOverdue;
}

export function warningCount(r: TeamRow): number {
  return r.plan?.warnings.length ?? 0;
}

/** Lower case without accents, so that "ines" finds Inês. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
