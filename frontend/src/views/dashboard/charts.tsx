// The dashboard's figures. Each is a card with a heading, its numbers as
// text and a table, and a chart drawn from the same numbers: the chart is
// for the eye, and the text and tables serve the keyboard, screen readers
// and tests, so the charts are hidden from assistive technology.
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';

import { statusLabel } from '../../components/badges';
import { href, navigate } from '../../router';
import type { DashboardQuery } from './DashboardView.generated';
import { observedChangeLabels, percent, warningLabels } from './labels';

type Dashboard = NonNullable<DashboardQuery['dashboard']>;

// Charts have fixed sizes: the app's window is wide enough, and a fixed
// size renders the same in every webview (and in tests).
const wide = { width: 520, height: 280 };
const small = { width: 220, height: 180 };

const colours = {
  onTrack: 'var(--ok)',
  blocked: 'var(--bad)',
  completed: 'var(--info)',
  needsReset: 'var(--warn)',
  accent: 'var(--accent)',
  rest: 'var(--border)',
};
const axisTick = { fill: 'var(--muted)', fontSize: 12 };

/**
 * A category's name beside a horizontal bar, on one line and whole.
 * Recharts' own tick wraps a long name into lines when it measures it
 * wider than the axis, and (on an x axis) lets neighbours run into each
 * other; the charts with long names lay their bars horizontally, with an
 * axis wide enough for the longest name, and draw the name as it is.
 */
function CategoryTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <text x={x} y={y} dy="0.35em" textAnchor="end" fill={axisTick.fill} fontSize={axisTick.fontSize}>
      {String(payload?.value ?? '')}
    </text>
  );
}

/** The height of a horizontal bar chart with n bars, so that names never crowd. */
function barsHeight(n: number, extra = 40): number {
  return extra + 30 * Math.max(n, 1);
}

interface HorizontalBarsProps {
  data: object[];
  /** Room above and below the bars, for a legend or axis. */
  extra?: number;
  /** Width of the axis of names, enough for the longest. */
  namesWidth?: number;
  /** The value axis; counts by default. */
  valueAxis?: { domain?: [number, number]; unit?: string };
  tooltip?: boolean;
  children: ReactNode;
}

/**
 * Bars laid horizontally with their names, whole, on the left: the shape
 * of every dashboard chart whose categories have long names.
 */
function HorizontalBars({ data, extra, namesWidth = 150, valueAxis, tooltip = true, children }: HorizontalBarsProps) {
  return (
    <BarChart
      {...wide}
      height={barsHeight(data.length, extra)}
      data={data}
      layout="vertical"
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--border)" />
      <XAxis type="number" allowDecimals={false} tick={axisTick} {...valueAxis} />
      <YAxis type="category" dataKey="name" width={namesWidth} tick={<CategoryTick />} interval={0} />
      {tooltip && <Tooltip />}
      {children}
    </BarChart>
  );
}

interface CardProps {
  id: string;
  title: string;
  /** The headline figure, such as 62%. */
  figure?: string;
  /** What the figure means, in words with its counts. */
  caption?: ReactNode;
  chart: ReactNode;
  children?: ReactNode;
}

function Card({ id, title, figure, caption, chart, children }: CardProps) {
  return (
    <section className="card dashboard-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {(figure || caption) && (
        <p className="dash-figure">
          {figure && <span className="dash-figure-value">{figure}</span>} {caption}
        </p>
      )}
      <div className="dash-chart" aria-hidden="true">
        {chart}
      </div>
      {children}
    </section>
  );
}

/** Two slices: the part of a whole that counts, and the rest. */
function Donut({ part, whole, label }: { part: number; whole: number; label: string }) {
  const data = [
    { name: label, value: part },
    { name: 'Rest', value: Math.max(0, whole - part) },
  ];
  return (
    <PieChart {...small} accessibilityLayer={false}>
      <Pie data={data} dataKey="value" innerRadius={50} outerRadius={75} isAnimationActive={false} stroke="none">
        <Cell fill={colours.accent} />
        <Cell fill={colours.rest} />
      </Pie>
    </PieChart>
  );
}

export function CoverageCard({ coverage }: { coverage: Dashboard['criticalCoverage'] }) {
  const uncovered = coverage.uncovered.nodes;
  const more = coverage.uncovered.totalCount - uncovered.length;
  return (
    <Card
      id="dash-coverage"
      title="Critical key-result coverage"
      figure={percent(coverage.share)}
      caption={
        <>
          {coverage.covered} of {coverage.total} critical key results have an active execution goal building a
          capability they need.
        </>
      }
      chart={<Donut part={coverage.covered} whole={coverage.total} label="Covered" />}
    >
      <h3>Nobody is building capability for</h3>
      {uncovered.length === 0 ? (
        <p className="muted">Every critical key result has development behind it.</p>
      ) : (
        <ul className="dash-uncovered" aria-label="Uncovered critical key results">
          {uncovered.map((kr) => (
            <li key={kr.id}>
              <a href={href({ view: 'keyResultChain', keyResultId: kr.id })}>{kr.title}</a>
              <span className="muted small">
                {' '}
                {kr.objective.title}
                {kr.owner && `, owned by ${kr.owner.name}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <p className="muted small">
          And {more} more; narrow the dashboard to a team to see them.
        </p>
      )}
    </Card>
  );
}

const statusKeys = ['onTrack', 'blocked', 'completed', 'needsReset'] as const;
const statusNames = {
  onTrack: statusLabel('ON_TRACK'),
  blocked: statusLabel('BLOCKED'),
  completed: statusLabel('COMPLETED'),
  needsReset: statusLabel('NEEDS_RESET'),
};

type StatusRow = Dashboard['planStatusByTeam'][number];

function rowTotal(r: StatusRow): number {
  return r.onTrack + r.blocked + r.completed + r.needsReset;
}

export function PlanStatusCard({ rows }: { rows: Dashboard['planStatusByTeam'] }) {
  const data = rows.map((r) => ({ ...r, name: r.team.name, teamId: r.team.id }));
  const goTo = (entry: unknown) => {
    const teamId = (entry as { payload?: { teamId?: string } })?.payload?.teamId;
    if (teamId) navigate({ view: 'dashboard', teamId });
  };
  return (
    <Card
      id="dash-status"
      title="Plan status by team"
      caption={
        <span className="muted small">Choose a team, in the chart or the table, to see the teams below it.</span>
      }
      chart={
        <HorizontalBars data={data} extra={70}>
          <Legend itemSorter={(item) => statusKeys.indexOf(item.dataKey as (typeof statusKeys)[number])} />
          {statusKeys.map((k) => (
            <Bar
              key={k}
              dataKey={k}
              name={statusNames[k]}
              stackId="status"
              fill={colours[k]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={goTo}
            />
          ))}
        </HorizontalBars>
      }
    >
      {rows.length === 0 ? (
        <p className="muted">No plans in this cycle.</p>
      ) : (
        <StatusTable rows={rows} />
      )}
    </Card>
  );
}

function StatusTable({ rows }: { rows: Dashboard['planStatusByTeam'] }) {
  const sum = (k: (typeof statusKeys)[number]) => rows.reduce((n, r) => n + r[k], 0);
  return (
    <table className="dash-table">
      <caption>Plan status by team</caption>
      <thead>
        <tr>
          <th scope="col">Team</th>
          {statusKeys.map((k) => (
            <th scope="col" key={k}>
              {statusNames[k]}
            </th>
          ))}
          <th scope="col">Plans</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.team.id}>
            <th scope="row">
              <a href={href({ view: 'dashboard', teamId: r.team.id })}>{r.team.name}</a>
            </th>
            {statusKeys.map((k) => (
              <td key={k}>{r[k]}</td>
            ))}
            <td>{rowTotal(r)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All</th>
          {statusKeys.map((k) => (
            <td key={k}>{sum(k)}</td>
          ))}
          <td>{rows.reduce((n, r) => n + rowTotal(r), 0)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function MilestoneCard({ milestones }: { milestones: Dashboard['milestoneAttainment'] }) {
  return (
    <Card
      id="dash-milestones"
      title="Milestone attainment"
      figure={percent(milestones.share)}
      caption={
        <>
          {milestones.doneOnTime} of {milestones.due} milestones due so far were done by their due date.
        </>
      }
      chart={<Donut part={milestones.doneOnTime} whole={milestones.due} label="Done on time" />}
    />
  );
}

export function ObservedChangeCard({ observed }: { observed: Dashboard['observedChange'] }) {
  const data = observed.distribution.map((d) => ({ name: observedChangeLabels[d.change], count: d.count }));
  return (
    <Card
      id="dash-observed"
      title="Observed change in output"
      caption={
        observed.mean == null ? (
          <span className="muted">No check-in has observed a change yet.</span>
        ) : (
          <>
            Mean {observed.mean.toFixed(2)}, on a scale from −1 (got worse) to 2 (clear improvement), at each plan's
            latest check-in.
          </>
        )
      }
      chart={
        <HorizontalBars data={data}>
          <Bar dataKey="count" name="Plans" fill={colours.accent} isAnimationActive={false} />
        </HorizontalBars>
      }
    >
      <CountTable
        caption="Observed change at the latest check-in"
        head={['Change', 'Plans']}
        rows={data.map((d) => [d.name, d.count])}
      />
    </Card>
  );
}

/** Shares drawn as whole percentages, 0 to 100. */
const shareAxis = { domain: [0, 100] as [number, number], unit: '%' };

export function CadenceCard({ cadence }: { cadence: Dashboard['cadence'] }) {
  const data = [
    { name: 'Monthly check-ins on time', share: Math.round(cadence.checkInShare * 100) },
    { name: 'Quarterly reviews held', share: Math.round(cadence.reviewShare * 100) },
  ];
  return (
    <Card
      id="dash-cadence"
      title="Cadence compliance"
      chart={
        <HorizontalBars data={data} extra={60} namesWidth={190} valueAxis={shareAxis} tooltip={false}>
          <Bar dataKey="share" name="Share" fill={colours.accent} isAnimationActive={false} />
        </HorizontalBars>
      }
    >
      <dl className="dash-cadence">
        <dt>Monthly check-ins on time</dt>
        <dd>
          <span className="dash-figure-value">{percent(cadence.checkInShare)}</span> {cadence.checkInsOnTime} of{' '}
          {cadence.activePlans} active plans
        </dd>
        <dt>Quarterly reviews held</dt>
        <dd>
          <span className="dash-figure-value">{percent(cadence.reviewShare)}</span> {cadence.reviewsHeld} of{' '}
          {cadence.reviewsDue} reviews due
        </dd>
      </dl>
    </Card>
  );
}

export function WarningsCard({ warnings }: { warnings: Dashboard['warningCounts'] }) {
  const data = warnings.map((w) => ({ name: warningLabels[w.code], plans: w.plans }));
  return (
    <Card
      id="dash-warnings"
      title="Plan warnings"
      caption={<span className="muted small">How many plans break each rule.</span>}
      chart={
        <HorizontalBars data={data} namesWidth={220}>
          <Bar dataKey="plans" name="Plans" fill={colours.needsReset} isAnimationActive={false} />
        </HorizontalBars>
      }
    >
      <CountTable
        caption="Plans breaking each rule"
        head={['Rule', 'Plans']}
        rows={data.map((d) => [d.name, d.plans])}
      />
    </Card>
  );
}

function CountTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="dash-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, n]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
