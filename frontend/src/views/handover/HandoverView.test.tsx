import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { type Session, SessionContext } from '../../api/session';
import { HandoverView } from './HandoverView';
import { todayISO } from './labels';
import { contents, fakeServer, grace, siddharth } from './test-fixtures';

const oleksandr = { id: 'UGVyc29uOjk', name: 'Oleksandr Petrenko', title: 'Senior Backend Engineer' };
const meiLin = { id: 'UGVyc29uOjEw', name: 'Mei-Lin Chen', title: 'Site Reliability Engineer' };
const diego = { id: 'UGVyc29uOjEx', name: 'Diego Herrera', title: 'Backend Engineer' };
const reports = [oleksandr, meiLin, diego];

const session: Session = {
  personId: grace.id,
  personName: grace.name,
  roles: ['MANAGER'],
  serverVersion: 'dev',
  signOut: vi.fn(),
  sessionEnded: vi.fn(),
  signIns: 0,
};

type Named = { id: string; name: string };
const rafael = { id: 'UGVyc29uOjI', name: 'Rafael Mendes' };

function handoverTo(
  toManager: Named,
  packs: { id: string; name: string; acknowledgedAt: string | null }[],
  effectiveOn: string,
  fromManager: Named = rafael,
) {
  return {
    id: `H-${effectiveOn}`,
    effectiveOn,
    note: '',
    createdAt: `${effectiveOn}T09:00:00Z`,
    acknowledged: packs.every((p) => p.acknowledgedAt),
    fromManager,
    toManager,
    createdBy: fromManager,
    packs: packs.map((p) => ({
      id: p.id,
      acknowledgedAt: p.acknowledgedAt,
      contents: { status: 'ON_TRACK' },
      person: { id: `person-${p.id}`, name: p.name },
    })),
  };
}

function home(handovers: ReturnType<typeof handoverTo>[] = []) {
  return {
    viewer: { person: { id: grace.id, name: grace.name, reports: { nodes: reports } } },
    pending: { nodes: handovers.filter((h) => !h.acknowledged) },
    recent: { nodes: handovers },
  };
}

function draftAnswer(vars: Record<string, unknown>) {
  const input = vars.input as { personId: string; risks: string; stakeholderPriorities: string; version?: number };
  const person = reports.find((r) => r.id === input.personId)!;
  return {
    draftHandoverPack: {
      pack: {
        id: `draft-${person.id}`,
        person,
        fromManager: grace,
        risks: input.risks,
        stakeholderPriorities: input.stakeholderPriorities,
        version: (input.version ?? 0) + 1,
        contents: contents(),
      },
      userErrors: [],
    },
  };
}

/** Nobody has drafted a pack for the people chosen yet. */
function noDrafts(vars: Record<string, unknown>) {
  return { nodes: (vars.ids as string[]).map((id) => ({ __typename: 'Person', id, handoverDraft: null })) };
}

function renderView() {
  render(
    <SessionContext.Provider value={session}>
      <HandoverView />
    </SessionContext.Provider>,
  );
  return userEvent.setup();
}

/** Goes through the first two steps: Oleksandr and Mei-Lin to Siddharth. */
async function chooseAndDraft(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('checkbox', { name: /Oleksandr Petrenko/ }));
  await user.click(screen.getByRole('checkbox', { name: /Mei-Lin Chen/ }));
  await user.type(screen.getByLabelText('New manager'), 'Sidd');
  await user.click(await screen.findByRole('button', { name: /Siddharth Iyer/ }));
  // Focus moves to the chosen person's Change button, not to the page.
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change new manager' }));
  await user.type(screen.getByLabelText('Note'), 'Platform splits in two');
  await user.click(screen.getByRole('button', { name: 'Next: risks and stakeholders' }));
  const olek = screen.getByRole('group', { name: 'Oleksandr Petrenko' });
  await user.type(within(olek).getByLabelText('Risks'), 'Knows the routing cache alone');
  await user.type(within(olek).getByLabelText('Stakeholder priorities'), 'Dispatch leads');
  await user.click(screen.getByRole('button', { name: 'Draft and preview the packs' }));
  await screen.findByRole('heading', { name: 'Pack: Oleksandr Petrenko' });
}

const people = {
  people: { nodes: [{ ...siddharth, title: 'Engineering Manager, Payments', team: { id: 'VGVhbTo0', name: 'Payments' } }] },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('HandoverView', () => {
  test('drafts each pack, previews it and hands over with the chosen values', async () => {
    const calls = fakeServer({
      HandoverHome: () => home(),
      PeopleSearch: () => people,
      DraftHandoverPack: draftAnswer,
      HandoverDrafts: noDrafts,
      HandOver: () => ({
        handOver: {
          handover: {
            id: 'SGFuZG92ZXI6Mw',
            effectiveOn: todayISO(),
            toManager: siddharth,
            packs: [
              { id: 'pack-1', person: { id: oleksandr.id, name: oleksandr.name } },
              { id: 'pack-2', person: { id: meiLin.id, name: meiLin.name } },
            ],
          },
          userErrors: [],
        },
      }),
    });
    const user = renderView();
    await chooseAndDraft(user);

    const drafts = calls.filter((c) => c.operation === 'DraftHandoverPack').map((c) => c.variables.input);
    expect(drafts).toEqual([
      { personId: oleksandr.id, risks: 'Knows the routing cache alone', stakeholderPriorities: 'Dispatch leads' },
      { personId: meiLin.id, risks: '', stakeholderPriorities: '' },
    ]);
    expect(screen.getByRole('heading', { name: 'Pack: Mei-Lin Chen' })).toBeTruthy();
    const olekPreview = screen.getByRole('article', { name: 'Pack: Oleksandr Petrenko' });
    expect(within(olekPreview).getByRole('region', { name: 'Risks' }).textContent).toContain('Knows the routing cache alone');

    await user.click(screen.getByRole('button', { name: 'Confirm handover' }));
    const done = await screen.findByRole('status');
    expect(done.textContent).toContain('Handed over Oleksandr Petrenko, Mei-Lin Chen to Siddharth Iyer');
    const handOver = calls.filter((c) => c.operation === 'HandOver');
    expect(handOver).toHaveLength(1);
    expect(handOver[0].variables).toEqual({
      input: {
        personIds: [oleksandr.id, meiLin.id],
        toManagerId: siddharth.id,
        effectiveOn: todayISO(),
        note: 'Platform splits in two',
      },
    });
    const created = screen.getByRole('list', { name: 'Created packs' });
    const links = within(created).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Pack: Oleksandr Petrenko', '#/handover/packs/pack-1'],
      ['Pack: Mei-Lin Chen', '#/handover/packs/pack-2'],
    ]);
    // The lists of handovers reload to show the new one.
    expect(calls.filter((c) => c.operation === 'HandoverHome').length).toBe(2);
  });

  test("shows the server's refusal beside the field it concerns, back at the first step", async () => {
    const message = 'Oleksandr Petrenko already reports to Grace Mwangi';
    fakeServer({
      HandoverHome: () => home(),
      PeopleSearch: () => people,
      DraftHandoverPack: draftAnswer,
      HandoverDrafts: noDrafts,
      HandOver: () => ({
        handOver: { handover: null, userErrors: [{ field: ['input', 'toManagerId'], message, code: 'INVALID' }] },
      }),
    });
    const user = renderView();
    await chooseAndDraft(user);
    await user.click(screen.getByRole('button', { name: 'Confirm handover' }));

    await screen.findByRole('button', { name: 'Next: risks and stakeholders' });
    expect(document.getElementById('handover-to-error')?.textContent).toBe(message);
    expect(document.getElementById('handover-people-error')).toBeNull();
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts[0]).toContain('The server refused the handover and nothing changed');
    // What was chosen is kept, so the manager fixes only what is wrong.
    expect((screen.getByRole('checkbox', { name: /Oleksandr Petrenko/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Change new manager' })).toBeTruthy();
  });

  test("a text the server finds too long says whose it is, beside that person's field", async () => {
    const calls = fakeServer({
      HandoverHome: () => home(),
      PeopleSearch: () => people,
      HandoverDrafts: noDrafts,
      DraftHandoverPack: (vars) => {
        const input = vars.input as { personId: string };
        if (input.personId !== oleksandr.id) return draftAnswer(vars);
        return {
          data: null,
          errors: [
            {
              message: 'risks is longer than 20000 characters',
              path: ['draftHandoverPack'],
              extensions: { code: 'INVALID', field: 'risks' },
            },
          ],
        };
      },
    });
    const user = renderView();
    await user.click(await screen.findByRole('checkbox', { name: /Oleksandr Petrenko/ }));
    await user.click(screen.getByRole('checkbox', { name: /Mei-Lin Chen/ }));
    await user.type(screen.getByLabelText('New manager'), 'Sidd');
    await user.click(await screen.findByRole('button', { name: /Siddharth Iyer/ }));
    await user.click(screen.getByRole('button', { name: 'Next: risks and stakeholders' }));
    const olek = screen.getByRole('group', { name: 'Oleksandr Petrenko' });
    await user.type(within(olek).getByLabelText('Risks'), 'Far too much');
    await user.click(screen.getByRole('button', { name: 'Draft and preview the packs' }));

    const error = await within(olek).findByText(
      "Oleksandr Petrenko's risks: this text is longer than 20000 characters.",
    );
    expect(within(olek).getByLabelText('Risks').getAttribute('aria-describedby')).toBe(error.id);
    expect(within(screen.getByRole('group', { name: 'Mei-Lin Chen' })).queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => c.operation === 'DraftHandoverPack')).toHaveLength(2);
    expect(screen.queryByRole('heading', { name: /^Pack:/ })).toBeNull();

    await user.type(within(olek).getByLabelText('Risks'), '!');
    expect(within(olek).queryByText(/longer than 20000/)).toBeNull();
  });

  test("starts from a draft HR wrote, sends its version, and shows a newer one saved meanwhile", async () => {
    let stored = { version: 2, risks: 'HR: the routing cache', stakeholderPriorities: 'Dispatch' };
    const calls = fakeServer({
      HandoverHome: () => home(),
      PeopleSearch: () => people,
      HandoverDrafts: (vars) => ({
        nodes: (vars.ids as string[]).map((id) => ({
          __typename: 'Person',
          id,
          handoverDraft: id === oleksandr.id ? stored : null,
        })),
      }),
      DraftHandoverPack: (vars) => {
        const input = vars.input as { personId: string; version?: number };
        if (input.personId === oleksandr.id && input.version !== stored.version) {
          return {
            draftHandoverPack: {
              pack: null,
              userErrors: [{ field: ['input', 'version'], message: 'the draft changed', code: 'CONFLICT' }],
            },
          };
        }
        return draftAnswer(vars);
      },
    });
    const user = renderView();
    await user.click(await screen.findByRole('checkbox', { name: /Oleksandr Petrenko/ }));
    await user.type(screen.getByLabelText('New manager'), 'Sidd');
    await user.click(await screen.findByRole('button', { name: /Siddharth Iyer/ }));
    await user.click(screen.getByRole('button', { name: 'Next: risks and stakeholders' }));
    const olek = screen.getByRole('group', { name: 'Oleksandr Petrenko' });
    const risks = within(olek).getByLabelText('Risks') as HTMLTextAreaElement;
    await waitFor(() => expect(risks.value).toBe('HR: the routing cache'));

    // Someone saves a newer version before this manager does.
    stored = { version: 3, risks: 'HR: the routing cache and the pager', stakeholderPriorities: 'Dispatch' };
    await user.type(risks, '!');
    await user.click(screen.getByRole('button', { name: 'Draft and preview the packs' }));
    await within(olek).findByText(/someone else saved this draft while you wrote/);
    expect(risks.value).toBe('HR: the routing cache and the pager');
    const drafts = calls.filter((c) => c.operation === 'DraftHandoverPack').map((c) => c.variables.input);
    expect(drafts).toEqual([expect.objectContaining({ personId: oleksandr.id, version: 2 })]);

    // Drafted again on what is there now, it goes through.
    await user.click(screen.getByRole('button', { name: 'Draft and preview the packs' }));
    await screen.findByRole('heading', { name: 'Pack: Oleksandr Petrenko' });
    const last = calls.filter((c) => c.operation === 'DraftHandoverPack').at(-1)?.variables.input;
    expect(last).toEqual(expect.objectContaining({ risks: 'HR: the routing cache and the pager', version: 3 }));
  });

  test('asks for people and a manager before drafting anything', async () => {
    const calls = fakeServer({ HandoverHome: () => home() });
    const user = renderView();
    await user.click(await screen.findByRole('button', { name: 'Next: risks and stakeholders' }));
    expect(document.getElementById('handover-people-error')?.textContent).toBe('Choose at least one person to hand over.');
    expect(document.getElementById('handover-to-error')?.textContent).toBe('Choose the new manager.');
    expect(calls.map((c) => c.operation)).toEqual(['HandoverHome']);
  });

  test('lists received packs waiting first, and sent handovers', async () => {
    const graceAsTo = { id: grace.id, name: grace.name };
    fakeServer({
      HandoverHome: () =>
        home([
          handoverTo(graceAsTo, [{ id: 'p-old', name: 'Pedro Santos', acknowledgedAt: '2026-11-13T10:00:00Z' }], '2026-11-10'),
          handoverTo(graceAsTo, [{ id: 'p-new', name: 'Leila Ahmadi', acknowledgedAt: null }], '2026-10-01'),
          handoverTo(siddharth, [{ id: 'p-other', name: 'Someone Else', acknowledgedAt: null }], '2026-12-01'),
          handoverTo(siddharth, [{ id: 'p-sent', name: 'Diego Herrera', acknowledgedAt: null }], '2026-12-02', grace),
        ]),
    });
    renderView();
    const received = await screen.findByRole('list', { name: 'Received packs' });
    const rows = within(received).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Leila Ahmadi');
    expect(rows[0]).toContain('waiting');
    expect(rows[1]).toContain('Pedro Santos');
    expect(rows[1]).toContain('acknowledged 2026-11-13');
    expect(within(received).getByRole('link', { name: 'Leila Ahmadi' }).getAttribute('href')).toBe('#/handover/packs/p-new');
    expect(screen.getByText('1 waiting for you.')).toBeTruthy();
    const sent = screen.getByRole('list', { name: 'Sent handovers' });
    expect(sent.textContent).toContain('To Siddharth Iyer, effective 2026-12-02');
    expect(within(sent).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#/handover/packs/p-sent']);
  });
});
