import { describe, expect, test, vi } from 'vitest';

import myTeam from './fixtures/my-team.json';
import { managersPerRequest, walkIndirect } from './indirect';
import type { MyTeamQuery, ReportsOfQuery, TeamMemberFragment } from './Team.generated';
import {
  dueLeftOut,
  filterTeam,
  mergeTeam,
  noFilter,
  rowFromMember,
  type TeamFilter,
  type TeamRow,
} from './team-model';

// Grace Mwangi's team as the demo server answers it: five direct reports,
// Diego Herrera overdue on both counts, Aisha Bello with a warning.
const grace = myTeam.data as unknown as MyTeamQuery;

/** A report with a plan on track and nothing overdue, unless told. */
function member(id: string, name: string, change: Partial<TeamMemberFragment> = {}): TeamMemberFragment {
  return {
    id,
    name,
    title: 'Engineer',
    reports: { totalCount: 0 },
    plan: {
      id: `plan-${id}`,
      status: 'ON_TRACK',
      statusReason: '',
      nextCheckInDue: '2026-12-20',
      checkInOverdue: false,
      quarterlyReviewDue: '2026-10-22',
      quarterlyReviewOverdue: false,
      quarterlyReviewHeld: true,
      warnings: [],
    },
    ...change,
  };
}

function names(rows: readonly TeamRow[]): string[] {
  return rows.map((r) => r.name);
}

describe('mergeTeam', () => {
  test("lists the direct reports once, with the server's due dates", () => {
    const rows = mergeTeam(grace);
    expect(names(rows)).toEqual(['Aisha Bello', 'Diego Herrera', 'Mei-Lin Chen', 'Oleksandr Petrenko', 'Viktor Sokolov']);
    const diego = rows.find((r) => r.name === 'Diego Herrera')!;
    expect(diego).toMatchObject({
      direct: true,
      nextCheckInDue: '2026-11-17',
      checkInOverdue: true,
      quarterlyReviewDue: '2026-10-22',
      quarterlyReviewOverdue: true,
    });
    expect(diego.plan?.warnings.map((w) => w.code)).toEqual(['MONTHLY_CHECK_IN_OVERDUE', 'QUARTERLY_REVIEW_OVERDUE']);
  });

  test('dates the review of a report with no plan from the due list', () => {
    const data: MyTeamQuery = {
      viewer: { roles: ['MANAGER'], person: { id: 'me', name: 'Me', reports: { totalCount: 1, nodes: [member('y', 'Yusuf', { plan: null })] } } },
      dueCheckIns: {
        totalCount: 1,
        nodes: [
          {
            direct: true,
            nextCheckInDue: null,
            checkInOverdue: false,
            quarterlyReviewDue: '2026-10-22',
            quarterlyReviewOverdue: true,
            person: member('y', 'Yusuf', { plan: null }),
          },
        ],
      },
    };
    expect(mergeTeam(data)[0]).toMatchObject({ plan: null, quarterlyReviewDue: '2026-10-22', quarterlyReviewOverdue: true });
    expect(dueLeftOut(data)).toBe(0);
  });

  test('counts the reports due beyond the page of the due list it read', () => {
    expect(dueLeftOut(grace)).toBe(0);
    const more = structuredClone(grace);
    more.dueCheckIns!.totalCount = 130;
    expect(dueLeftOut(more)).toBe(130 - grace.dueCheckIns!.nodes.length);
    delete more.dueCheckIns;
    expect(dueLeftOut(more)).toBe(0);
  });

  test('has nothing due for a completed plan', () => {
    const done = member('s', 'Sara', { plan: { ...member('s', 'Sara').plan!, status: 'COMPLETED', checkInOverdue: true, quarterlyReviewHeld: false } });
    expect(rowFromMember(done, true)).toMatchObject({ nextCheckInDue: null, checkInOverdue: false, quarterlyReviewDue: null });
  });

  test('adds indirect reports after the direct ones, each once', () => {
    const walked = [rowFromMember(member('k', 'Kwame'), false, 'Siddharth'), rowFromMember(member(grace.viewer.person!.reports.nodes[0].id, 'dup'), false, 'x')];
    const rows = mergeTeam(grace, walked);
    expect(rows).toHaveLength(6);
    expect(rows.at(-1)).toMatchObject({ name: 'Kwame', direct: false, managerName: 'Siddharth' });
  });
});

describe('filterTeam', () => {
  const rows = mergeTeam(grace, [rowFromMember(member('k', 'Kwame Asante'), false, 'Siddharth Iyer')]);
  const only = (f: Partial<TeamFilter>) => names(filterTeam(rows, { ...noFilter, ...f }));

  test('shows direct reports only, unless indirect ones are asked for', () => {
    expect(only({})).not.toContain('Kwame Asante');
    expect(only({ includeIndirect: true })).toContain('Kwame Asante');
  });

  test('searches names, ignoring case, accents and spaces around', () => {
    expect(only({ search: '  mei ' })).toEqual(['Mei-Lin Chen']);
    expect(only({ search: 'MEÏ-LIN' })).toEqual(['Mei-Lin Chen']);
    expect(only({ search: 'e' })).toEqual(['Aisha Bello', 'Diego Herrera', 'Mei-Lin Chen', 'Oleksandr Petrenko']);
    expect(only({ search: 'nobody' })).toEqual([]);
  });

  test('keeps the overdue, the warned, or one status', () => {
    expect(only({ overdueOnly: true })).toEqual(['Diego Herrera']);
    expect(only({ warningsOnly: true })).toEqual(['Aisha Bello', 'Diego Herrera']);
    expect(only({ status: 'BLOCKED' })).toEqual([]);
    expect(only({ status: 'ON_TRACK' })).toHaveLength(5);
    expect(only({ status: 'NO_PLAN' })).toEqual([]);
  });

  test('combines filters', () => {
    expect(only({ warningsOnly: true, search: 'aisha' })).toEqual(['Aisha Bello']);
    expect(only({ overdueOnly: true, search: 'aisha' })).toEqual([]);
  });
});

describe('walkIndirect', () => {
  function answer(managers: Record<string, TeamMemberFragment[]>) {
    return vi.fn(
      async (ids: string[]): Promise<ReportsOfQuery> => ({
        nodes: ids.map((id) => ({ id, name: `Manager ${id}`, reports: { totalCount: managers[id]?.length ?? 0, nodes: managers[id] ?? [] } })),
      }),
    );
  }

  test('walks down level by level and remembers whom each reports to', async () => {
    const lead = member('lead', 'Lead', { reports: { totalCount: 1 } });
    const fetch = answer({ lead: [member('mid', 'Mid', { reports: { totalCount: 1 } })], mid: [member('low', 'Low')] });
    const walked = await walkIndirect([rowFromMember(lead, true), rowFromMember(member('solo', 'Solo'), true)], fetch);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([['lead'], ['mid']]);
    expect(walked.rows.map((r) => [r.name, r.direct, r.managerName])).toEqual([
      ['Mid', false, 'Manager lead'],
      ['Low', false, 'Manager mid'],
    ]);
    expect(walked.truncated).toBe(false);
  });

  test('asks about a few managers per request, within the cost limit', async () => {
    const leads = Array.from({ length: 7 }, (_, i) => rowFromMember(member(`m${i}`, `M${i}`, { reports: { totalCount: 1 } }), true));
    const fetch = answer({});
    await walkIndirect(leads, fetch);
    expect(fetch.mock.calls.map((c) => c[0].length)).toEqual([managersPerRequest, managersPerRequest, 1]);
  });

  test('says when a page of reports was cut short', async () => {
    const lead = member('lead', 'Lead', { reports: { totalCount: 1 } });
    const fetch = vi.fn(async (): Promise<ReportsOfQuery> => ({
      nodes: [{ id: 'lead', name: 'Lead', reports: { totalCount: 80, nodes: [member('a', 'A')] } }],
    }));
    expect((await walkIndirect([rowFromMember(lead, true)], fetch)).truncated).toBe(true);
  });
});
