// My team: the signed-in person's reports, each with their plan's status,
// warnings and what is due, narrowed by name, status, overdue or warnings,
// with indirect reports on request. Each row leads to the person's chain,
// plan and check-ins.
import { type ReactNode, useEffect, useMemo, useState } from 'react';

import { request, RequestError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { hasRole, useSession } from '../../api/session';
import { Due, StatusBadge } from '../../components/badges';
import { Empty, Failure, Loading } from '../../components/states';
import { reportRendered, setTitle } from '../../platform';
import { href } from '../../router';
import { dueReviewResets } from '../review/review-model';
import { walkIndirect, type Walked } from './indirect';
import { MyTeamDocument, type MyTeamQuery, ReportsOfDocument } from './Team.generated';
import {
  dueLeftOut,
  filterTeam,
  isOverdue,
  mergeTeam,
  noFilter,
  rowFromMember,
  type TeamFilter,
  type TeamRow,
  warningCount,
} from './team-model';
import './team.css';

export function TeamView() {
  const session = useSession();
  const manager = hasRole(session, 'MANAGER');
  const { data, error, reload } = useQuery(MyTeamDocument, { manager });
  const [filter, setFilter] = useState<TeamFilter>(noFilter);
  const direct = useMemo(() => directRows(data), [data]);
  const indirect = useIndirect(direct, filter.includeIndirect);

  useEffect(() => setTitle('Throughline — My team'), []);
  useEffect(() => {
    if (data) reportRendered('team');
  }, [data]);

  if (!data) {
    return (
      <TeamFrame>
        {error ? <Failure error={error} retry={reload} /> : <Loading what="your team" />}
      </TeamFrame>
    );
  }
  if (!data.viewer.person) {
    return (
      <TeamFrame>
        <Empty>
          <p>This token acts for no person, so it has no team. Sign in with a person's own token to see their reports.</p>
        </Empty>
      </TeamFrame>
    );
  }
  const rows = mergeTeam(data, indirect.walked?.rows);
  if (rows.length === 0) return <NoReports personId={data.viewer.person.id} hr={hasRole(session, 'HR')} />;
  const clear = () => setFilter({ ...noFilter, includeIndirect: filter.includeIndirect });
  return (
    <TeamFrame>
      <Filters filter={filter} onChange={setFilter} />
      {filter.includeIndirect && <IndirectState state={indirect} />}
      {error && <Failure error={error} retry={reload} />}
      <DueLeftOut data={data} />
      <TeamTable rows={rows} filter={filter} onClear={clear} />
      {data.viewer.person.reports.totalCount > data.viewer.person.reports.nodes.length && (
        <p className="muted small">
          Showing the first {data.viewer.person.reports.nodes.length} of {data.viewer.person.reports.totalCount} direct reports.
        </p>
      )}
    </TeamFrame>
  );
}

/**
 * Says plainly when the due list holds more than the page the view read:
 * those reports' due dates are not in the table, and the view must not
 * pass them over in silence.
 */
function DueLeftOut({ data }: { data: MyTeamQuery }) {
  const more = dueLeftOut(data);
  if (more === 0 || !data.dueCheckIns) return null;
  const shown = data.dueCheckIns.nodes.length;
  return (
    <p className="team-more-due" role="note">
      Due dates come from the {shown} most overdue of {data.dueCheckIns.totalCount} reports with a
      check-in or review due: {more} more {more === 1 ? 'is' : 'are'} due and may be missing here.
      Hold the most overdue first; the rest come into the list as those are held.
    </p>
  );
}

function TeamFrame({ children }: { children: ReactNode }) {
  return (
    <main className="team-view" aria-labelledby="team-title">
      <h1 id="team-title">My team</h1>
      {children}
    </main>
  );
}

/** Someone with no reports: no team, but their own plan to go to. */
function NoReports({ personId, hr }: { personId: string; hr: boolean }) {
  return (
    <TeamFrame>
      <Empty>
        <p>You have no reports in Throughline, so there is no team to show.</p>
        <nav aria-label="Your own development">
          <ul className="own-links">
            <li>
              <a href={href({ view: 'plan', personId })}>Your plan</a>
            </li>
            <li>
              <a href={href({ view: 'chain', personId })}>Your chain from strategy</a>
            </li>
            <li>
              <a href={href({ view: 'checkIn', personId })}>Your check-ins</a>
            </li>
          </ul>
        </nav>
        {hr && (
          <p>
            As HR you can see every team's plans on the <a href={href({ view: 'dashboard' })}>dashboard</a>.
          </p>
        )}
      </Empty>
    </TeamFrame>
  );
}

function directRows(data: MyTeamQuery | undefined): TeamRow[] | undefined {
  return data?.viewer.person?.reports.nodes.map((m) => rowFromMember(m, true));
}

interface IndirectLoad {
  walked?: Walked;
  error?: RequestError;
  loading: boolean;
  retry: () => void;
}

/** Walks down for indirect reports while they are wanted. */
function useIndirect(direct: TeamRow[] | undefined, wanted: boolean): IndirectLoad {
  const [state, setState] = useState<Omit<IndirectLoad, 'retry'>>({ loading: false });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!wanted || !direct) return;
    const abort = new AbortController();
    setState((s) => ({ walked: s.walked, loading: true }));
    walkIndirect(direct, (ids) => request(ReportsOfDocument, { ids }, abort.signal)).then(
      (walked) => setState({ walked, loading: false }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const error = err instanceof RequestError ? err : new RequestError('server', String(err));
        setState({ error, loading: false });
      },
    );
    return () => abort.abort();
  }, [wanted, direct, round]);
  return { ...state, retry: () => setRound((r) => r + 1) };
}

function IndirectState({ state }: { state: IndirectLoad }) {
  if (state.error) return <Failure error={state.error} retry={state.retry} />;
  if (state.loading) return <Loading what="indirect reports" />;
  if (state.walked?.truncated) {
    return (
      <p className="muted small">
        Some managers below you have more reports than one page holds; only the first 50 of each are listed.
      </p>
    );
  }
  return null;
}

const statusOptions: { value: TeamFilter['status']; label: string }[] = [
  { value: 'ANY', label: 'Any status' },
  { value: 'ON_TRACK', label: 'On track' },
  { value: 'BLOCKED', label: 'Blocked' },
  { value: 'NEEDS_RESET', label: 'Needs reset' },
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'NO_PLAN', label: 'No plan' },
];

function Filters({ filter, onChange }: { filter: TeamFilter; onChange: (f: TeamFilter) => void }) {
  const set = <K extends keyof TeamFilter>(key: K, value: TeamFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <form className="team-filters" role="search" aria-label="Filter the team" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search by name
        <input type="search" value={filter.search} onChange={(e) => set('search', e.target.value)} />
      </label>
      <label>
        Plan status
        <select value={filter.status} onChange={(e) => set('status', e.target.value as TeamFilter['status'])}>
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <Check label="Overdue only" checked={filter.overdueOnly} onChange={(v) => set('overdueOnly', v)} />
      <Check label="Has warnings" checked={filter.warningsOnly} onChange={(v) => set('warningsOnly', v)} />
      <Check label="Include indirect reports" checked={filter.includeIndirect} onChange={(v) => set('includeIndirect', v)} />
    </form>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="team-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

interface TableProps {
  rows: TeamRow[];
  filter: TeamFilter;
  onClear: () => void;
}

function TeamTable({ rows, filter, onClear }: TableProps) {
  const shown = filterTeam(rows, filter);
  const inScope = filterTeam(rows, { ...noFilter, includeIndirect: filter.includeIndirect });
  const indirect = inScope.filter((r) => !r.direct).length;
  return (
    <>
      <p className="muted small" aria-live="polite">
        Showing {shown.length} of {inScope.length}: {inScope.length - indirect} direct
        {filter.includeIndirect && `, ${indirect} indirect`}.
      </p>
      {shown.length === 0 ? (
        <Empty>
          <p>No one matches these filters.</p>
          <button type="button" className="secondary" onClick={onClear}>
            Clear the filters
          </button>
        </Empty>
      ) : (
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Plan</th>
              <th scope="col">Warnings</th>
              <th scope="col">Next check-in</th>
              <th scope="col">Quarterly review</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <TeamRowView key={r.id} row={r} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function TeamRowView({ row }: { row: TeamRow }) {
  return (
    <tr className={isOverdue(row) ? 'team-row overdue' : 'team-row'} data-person-id={row.id}>
      <th scope="row">
        <span className="team-name">{row.name}</span>
        <span className="muted small">{row.title}</span>
        {!row.direct && <span className="muted small">Indirect{row.managerName && ` · reports to ${row.managerName}`}</span>}
      </th>
      <td>
        {row.plan ? (
          <span title={row.plan.statusReason || undefined}>
            <StatusBadge status={row.plan.status} />
          </span>
        ) : (
          <span className="muted">No plan</span>
        )}
      </td>
      <td>
        <Warnings row={row} />
      </td>
      <td>{row.nextCheckInDue ? <Due on={row.nextCheckInDue} overdue={row.checkInOverdue} /> : <NothingDue row={row} />}</td>
      <td>
        {row.quarterlyReviewDue ? (
          <>
            <Due on={row.quarterlyReviewDue} overdue={row.quarterlyReviewOverdue} />
            {dueReviewResets(row) && (
              <div className="small">
                <a
                  href={href({ view: 'quarterlyReview', personId: row.id })}
                  aria-label={`Quarterly review of ${row.name}`}
                >
                  Hold the review
                </a>
              </div>
            )}
          </>
        ) : row.quarterlyReviewHeld ? (
          <span>Held</span>
        ) : (
          <NothingDue row={row} />
        )}
      </td>
      <td>
        <PersonLinks row={row} />
      </td>
    </tr>
  );
}

function NothingDue({ row }: { row: TeamRow }) {
  if (!row.plan) return <span className="muted">No plan</span>;
  if (row.plan.status === 'COMPLETED') return <span className="muted">Plan completed</span>;
  return <span className="muted">Nothing due</span>;
}

function Warnings({ row }: { row: TeamRow }) {
  const n = warningCount(row);
  if (n === 0) return <span className="muted">None</span>;
  const messages = row.plan?.warnings ?? [];
  return (
    <details className="team-warnings">
      <summary title={messages.map((w) => w.message).join('\n')}>
        {n} {n === 1 ? 'warning' : 'warnings'}
      </summary>
      <ul>
        {messages.map((w, i) => (
          <li key={`${w.code}-${i}`}>{w.message}</li>
        ))}
      </ul>
    </details>
  );
}

function PersonLinks({ row }: { row: TeamRow }) {
  return (
    <span className="team-links">
      <a href={href({ view: 'chain', personId: row.id })} aria-label={`Chain of ${row.name}`}>
        Chain
      </a>
      <a href={href({ view: 'plan', personId: row.id })} aria-label={`Plan of ${row.name}`}>
        Plan
      </a>
      <a href={href({ view: 'checkIn', personId: row.id })} aria-label={`Check-in with ${row.name}`}>
        Check-in
      </a>
    </span>
  );
}
