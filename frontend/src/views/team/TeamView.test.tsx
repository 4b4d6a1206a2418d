import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import type { Role } from '../../api/schema';
import { type Session, SessionContext } from '../../api/session';
import myTeam from './fixtures/my-team.json';
import type { MyTeamQuery, ReportsOfQuery } from './Team.generated';
import { TeamView } from './TeamView';

// Grace Mwangi's team as the demo server answers it.
const grace = myTeam.data as unknown as MyTeamQuery;

type Answers = { MyTeam?: MyTeamQuery; ReportsOf?: (ids: string[]) => ReportsOfQuery };

/** Answers the view's two queries, and records what each asked. */
function stubServer(answers: Answers) {
  const calls: { operation: string; variables: Record<string, unknown>; query: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      const operation = /query\s+(\w+)/.exec(body.query)?.[1] ?? '';
      calls.push({ operation, variables: body.variables, query: body.query });
      if (operation === 'MyTeam' && answers.MyTeam) return Response.json({ data: answers.MyTeam });
      if (operation === 'ReportsOf' && answers.ReportsOf) return Response.json({ data: answers.ReportsOf(body.variables.ids as string[]) });
      return Response.json({ errors: [{ message: `no answer for ${operation}` }] });
    }),
  );
  return calls;
}

function renderAs(roles: Role[]) {
  const session: Session = { roles, serverVersion: 'dev', signOut: () => {}, sessionEnded: () => {}, signIns: 0 };
  render(
    <SessionContext.Provider value={session}>
      <TeamView />
    </SessionContext.Provider>,
  );
  return userEvent.setup();
}

function rowNames(): string[] {
  return screen.queryAllByRole('rowheader').map((h) => h.querySelector('.team-name')?.textContent ?? '');
}

function rowOf(name: string): HTMLElement {
  const header = screen.getAllByRole('rowheader').find((h) => h.querySelector('.team-name')?.textContent === name);
  if (!header) throw new Error(`no row for ${name}`);
  return header.closest('tr') as HTMLElement;
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.go;
});

describe('TeamView', () => {
  test("lists the direct reports with their plan's status, warnings and what is due", async () => {
    const calls = stubServer({ MyTeam: grace });
    renderAs(['MANAGER']);
    await screen.findByRole('table');
    expect(calls[0].variables).toEqual({ manager: true });
    expect(rowNames()).toEqual(['Aisha Bello', 'Diego Herrera', 'Mei-Lin Chen', 'Oleksandr Petrenko', 'Viktor Sokolov']);

    const diego = within(rowOf('Diego Herrera'));
    expect(diego.getByText('Backend Engineer')).toBeTruthy();
    expect(diego.getByText('On track')).toBeTruthy();
    expect(diego.getAllByText('overdue')).toHaveLength(2);
    expect(diego.getByText('2026-11-17')).toBeTruthy();
    expect(diego.getByText('2 warnings')).toBeTruthy();
    expect(diego.getByText('the monthly check-in was due on 2026-11-17')).toBeTruthy();

    const mei = within(rowOf('Mei-Lin Chen'));
    expect(mei.queryByText('overdue')).toBeNull();
    expect(mei.getByText('None')).toBeTruthy();
    expect(mei.getByText('Held')).toBeTruthy();
    // Every report with something due is on the page of the due list read.
    expect(screen.queryByText(/more are due/)).toBeNull();
  });

  test("links each row to the person's chain, plan and check-in", async () => {
    stubServer({ MyTeam: grace });
    renderAs(['MANAGER']);
    await screen.findByRole('table');
    const id = 'UGVyc29uOjEw';
    expect(screen.getByRole('link', { name: 'Chain of Mei-Lin Chen' }).getAttribute('href')).toBe(`#/people/${id}/chain`);
    expect(screen.getByRole('link', { name: 'Plan of Mei-Lin Chen' }).getAttribute('href')).toBe(`#/people/${id}/plan`);
    expect(screen.getByRole('link', { name: 'Check-in with Mei-Lin Chen' }).getAttribute('href')).toBe(`#/people/${id}/check-in`);
  });

  test('narrows the list by name, overdue, warnings and status, and clears', async () => {
    stubServer({ MyTeam: grace });
    const user = renderAs(['MANAGER']);
    await screen.findByRole('table');

    await user.type(screen.getByLabelText('Search by name'), 'oleks');
    expect(rowNames()).toEqual(['Oleksandr Petrenko']);
    await user.clear(screen.getByLabelText('Search by name'));

    await user.click(screen.getByLabelText('Overdue only'));
    expect(rowNames()).toEqual(['Diego Herrera']);
    await user.click(screen.getByLabelText('Overdue only'));

    await user.click(screen.getByLabelText('Has warnings'));
    expect(rowNames()).toEqual(['Aisha Bello', 'Diego Herrera']);

    await user.selectOptions(screen.getByLabelText('Plan status'), 'BLOCKED');
    expect(rowNames()).toEqual([]);
    expect(screen.getByText('No one matches these filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(rowNames()).toHaveLength(5);
  });

  test('adds the indirect reports found below, saying whom they report to', async () => {
    const lead = structuredClone(grace);
    lead.viewer.person!.reports.nodes[0].reports.totalCount = 1;
    const leadId = lead.viewer.person!.reports.nodes[0].id;
    const kwame = { ...grace.viewer.person!.reports.nodes[1], id: 'kwame', name: 'Kwame Asante', reports: { totalCount: 0 } };
    const calls = stubServer({
      MyTeam: lead,
      ReportsOf: (ids) => ({ nodes: ids.map((id) => ({ id, name: 'Oleksandr Petrenko', reports: { totalCount: 1, nodes: [kwame] } })) }),
    });
    const user = renderAs(['MANAGER']);
    await screen.findByRole('table');
    expect(rowNames()).not.toContain('Kwame Asante');

    await user.click(screen.getByLabelText('Include indirect reports'));
    await waitFor(() => expect(rowNames()).toContain('Kwame Asante'));
    expect(within(rowOf('Kwame Asante')).getByText(/Indirect · reports to Oleksandr Petrenko/)).toBeTruthy();
    expect(calls.find((c) => c.operation === 'ReportsOf')?.variables).toEqual({ ids: [leadId] });
    expect(screen.getByText(/Showing 6 of 6: 5 direct, 1 indirect/)).toBeTruthy();
  });

  test('says plainly when more reports are due than the page of the due list it read', async () => {
    const many = structuredClone(grace);
    many.dueCheckIns!.totalCount = 240;
    const shown = many.dueCheckIns!.nodes.length;
    const calls = stubServer({ MyTeam: many });
    renderAs(['MANAGER']);
    await screen.findByRole('table');
    const note = screen.getByRole('note').textContent ?? '';
    expect(note).toContain(`the ${shown} most overdue of 240 reports with a check-in or review due`);
    expect(note).toContain(`${240 - shown} more are due and may be missing here`);
    expect(calls[0].query).toMatch(/dueCheckIns\(includeIndirect: true, withinDays: 366, first: 100\)/);
  });

  test('tells HR with no reports that there is no team, and does not ask for due check-ins', async () => {
    const empty = structuredClone(grace);
    empty.viewer.person!.reports = { totalCount: 0, nodes: [] };
    delete empty.dueCheckIns;
    const calls = stubServer({ MyTeam: empty });
    renderAs(['HR']);
    expect(await screen.findByText(/You have no reports in Throughline/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'dashboard' }).getAttribute('href')).toBe('#/dashboard');
    expect(screen.queryByRole('table')).toBeNull();
    expect(calls[0].variables).toEqual({ manager: false });
  });

  test('someone with no reports gets links to their own plan, chain and check-ins', async () => {
    const empty = structuredClone(grace);
    empty.viewer.roles = ['EMPLOYEE'];
    empty.viewer.person!.reports = { totalCount: 0, nodes: [] };
    delete empty.dueCheckIns;
    stubServer({ MyTeam: empty });
    renderAs(['EMPLOYEE']);
    const own = await screen.findByRole('navigation', { name: 'Your own development' });
    const me = empty.viewer.person!.id;
    expect(within(own).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Your plan', `#/people/${me}/plan`],
      ['Your chain from strategy', `#/people/${me}/chain`],
      ['Your check-ins', `#/people/${me}/check-in`],
    ]);
  });

  test('says a token that acts for no person has no team', async () => {
    stubServer({ MyTeam: { viewer: { roles: ['ADMIN'], person: null } } });
    renderAs(['ADMIN']);
    expect(await screen.findByText(/acts for no person/)).toBeTruthy();
  });

  test('shows a failure with a way to try again', async () => {
    stubServer({});
    renderAs(['MANAGER']);
    expect((await screen.findByRole('alert')).textContent).toContain('no answer for MyTeam');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  test('tells the desktop app once the names are on screen', async () => {
    stubServer({ MyTeam: grace });
    const seen: string[] = [];
    const rendered = vi.fn(async (view: string) => {
      seen.push(`${view}: ${document.querySelector('main')?.textContent ?? ''}`);
    });
    window.go = { main: { App: { Rendered: rendered, SetTitle: async () => {} } as never } };
    renderAs(['MANAGER']);
    await waitFor(() => expect(rendered).toHaveBeenCalled());
    expect(seen[0]).toMatch(/^team: /);
    for (const name of ['Aisha Bello', 'Diego Herrera', 'Mei-Lin Chen', 'Oleksandr Petrenko', 'Viktor Sokolov']) expect(seen[0]).toContain(name);
    expect(document.title).toBe('Throughline — My team');
  });
});
