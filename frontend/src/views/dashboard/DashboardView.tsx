// HR's dashboard: how the development system works in one cycle, for the
// whole organisation or one team and the teams below it. Teams are drilled
// into by link, so each team's figures have their own address and the
// browser's back button climbs back up.
import { useEffect, useState } from 'react';

import { useQuery } from '../../api/hooks';
import { hasRole, useSession } from '../../api/session';
import { Empty, Failure, Loading } from '../../components/states';
import { reportRendered, setTitle } from '../../platform';
import { href } from '../../router';
import { CadenceCard, CoverageCard, MilestoneCard, ObservedChangeCard, PlanStatusCard, WarningsCard } from './charts';
import { DashboardCyclesDocument, DashboardDocument, type DashboardQuery } from './DashboardView.generated';
import { childrenOf, pathTo, type TeamNode, useAllTeams } from './team-tree';
import './dashboard.css';

type Dashboard = NonNullable<DashboardQuery['dashboard']>;

export function DashboardView({ teamId }: { teamId?: string }) {
  const session = useSession();
  const isHR = hasRole(session, 'HR');
  // The cycle chosen; until then, the server's current quarter.
  const [cycle, setCycle] = useState<string>();
  const dash = useQuery(DashboardDocument, { cycle, teamId });
  const cycles = useQuery(DashboardCyclesDocument, {}, !isHR);
  const tree = useAllTeams(!isHR);

  useEffect(() => setTitle('Throughline — Dashboard'), []);
  // The refusal a viewer without HR gets is what this view shows them.
  const shown = dash.data ?? dash.error;
  useEffect(() => {
    if (shown) reportRendered('dashboard');
  }, [shown]);

  if (dash.error && !isHR) return <HrOnly message={dash.error.message} />;
  const board = dash.data?.dashboard;
  return (
    <main className="dashboard-view">
      <div className="dashboard-head">
        <h1>Dashboard</h1>
        <CyclePicker
          names={cycles.data?.cycles.nodes.map((c) => c.name) ?? []}
          value={cycle ?? board?.cycle.name ?? ''}
          onChange={setCycle}
        />
        {dash.loading && dash.data && (
          <span className="muted small" role="status">
            Updating…
          </span>
        )}
      </div>
      {tree.error && <p className="field-error">The list of teams did not load: {tree.error.message}</p>}
      <TeamNavigation teams={tree.teams} teamId={teamId} />
      {dash.error && <Failure error={dash.error} retry={dash.reload} />}
      {!dash.data && dash.loading && <Loading what="the dashboard" />}
      {dash.data && !board && <Empty>There is no dashboard for this cycle.</Empty>}
      {board && <Figures board={board} />}
    </main>
  );
}

/** What a viewer without the HR role sees: the server's refusal. */
function HrOnly({ message }: { message: string }) {
  return (
    <main className="dashboard-view">
      <h1>Dashboard</h1>
      <section className="state state-error hr-only" role="alert" aria-labelledby="hr-only">
        <h2 id="hr-only">HR only</h2>
        <p>The dashboard shows figures across everyone's plans, so it is for HR. The server said: {message}</p>
        <p>
          <a href={href({ view: 'team' })}>Back to my team</a>
        </p>
      </section>
    </main>
  );
}

function CyclePicker({ names, value, onChange }: { names: string[]; value: string; onChange: (c: string) => void }) {
  // The current cycle is shown even before the list of cycles arrives.
  const options = names.includes(value) || !value ? names : [value, ...names];
  return (
    <div className="cycle-picker">
      <label htmlFor="dashboard-cycle">Cycle</label>
      <select id="dashboard-cycle" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

function TeamNavigation({ teams, teamId }: { teams?: TeamNode[]; teamId?: string }) {
  if (!teams) return null;
  const path = teamId ? pathTo(teams, teamId) : [];
  const current = path[path.length - 1];
  const below = childrenOf(teams, teamId);
  return (
    <div className="dash-teams">
      <nav aria-label="Team breadcrumb">
        <ol className="dash-breadcrumb">
          <li>
            {teamId ? (
              <a href={href({ view: 'dashboard' })}>Whole organisation</a>
            ) : (
              <span aria-current="page">Whole organisation</span>
            )}
          </li>
          {path.map((t) => (
            <li key={t.id}>
              {t.id === teamId ? (
                <span aria-current="page">{t.name}</span>
              ) : (
                <a href={href({ view: 'dashboard', teamId: t.id })}>{t.name}</a>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {below.length > 0 ? (
        <nav aria-label="Teams below" className="dash-teams-below">
          <span className="muted small">Teams {current ? `in ${current.name}` : 'at the top'}:</span>
          <ul>
            {below.map((t) => (
              <li key={t.id}>
                <a href={href({ view: 'dashboard', teamId: t.id })}>{t.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        current && <p className="muted small">No teams below {current.name}.</p>
      )}
    </div>
  );
}

function Figures({ board }: { board: Dashboard }) {
  return (
    <>
      <p className="dashboard-scope">
        {board.cycle.name} · {board.team ? `${board.team.name} and the teams below it` : 'the whole organisation'}
      </p>
      <div className="dashboard-grid">
        <CoverageCard coverage={board.criticalCoverage} />
        <MilestoneCard milestones={board.milestoneAttainment} />
        <PlanStatusCard rows={board.planStatusByTeam} />
        <CadenceCard cadence={board.cadence} />
        <ObservedChangeCard observed={board.observedChange} />
        <WarningsCard warnings={board.warningCounts} />
      </div>
    </>
  );
}
