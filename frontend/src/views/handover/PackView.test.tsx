import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { type Session, SessionContext } from '../../api/session';
import { saveFile } from '../../platform';
import { PackView } from './PackView';
import { fakeServer, grace, pack, refusal, siddharth } from './test-fixtures';

vi.mock('../../platform', async (original) => ({
  ...(await original<typeof import('../../platform')>()),
  saveFile: vi.fn(async (name: string) => name),
}));

const packId = pack().id;

function renderAs(person: { id: string; name: string }) {
  const session: Session = {
    personId: person.id,
    personName: person.name,
    roles: ['MANAGER'],
    serverVersion: 'dev',
    signOut: vi.fn(),
    sessionEnded: vi.fn(),
    signIns: 0,
  };
  render(
    <SessionContext.Provider value={session}>
      <PackView packId={packId} />
    </SessionContext.Provider>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  vi.mocked(saveFile).mockClear();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PackView', () => {
  test('the incoming manager acknowledges the pack and sees when and by whom', async () => {
    const calls = fakeServer({
      Pack: () => ({ node: pack() }),
      AcknowledgeHandoverPack: () => ({
        acknowledgeHandoverPack: {
          pack: pack({ acknowledgedAt: '2026-12-04T15:30:00Z', acknowledgedBy: siddharth }),
          userErrors: [],
        },
      }),
    });
    const user = renderAs(siddharth);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Handover pack: Oleksandr Petrenko');
    expect(screen.getByText('Waiting for you to acknowledge it.')).toBeTruthy();
    expect(document.title).toBe('Throughline — Pack: Oleksandr Petrenko');
    expect(screen.getByRole('region', { name: 'Risks' }).textContent).toContain('The only one who knows the routing cache.');

    await user.click(screen.getByRole('button', { name: 'Acknowledge pack' }));
    expect((await screen.findByText(/Acknowledged on/)).textContent).toBe('Acknowledged on 2026-12-04 by Siddharth Iyer.');
    expect(screen.queryByRole('button', { name: 'Acknowledge pack' })).toBeNull();
    expect(calls.find((c) => c.operation === 'AcknowledgeHandoverPack')?.variables).toEqual({ input: { packId } });
  });

  test('the outgoing manager is told who must acknowledge, and gets no button to do it', async () => {
    fakeServer({ Pack: () => ({ node: pack() }) });
    renderAs(grace);
    expect(await screen.findByText(/Waiting for Siddharth Iyer to acknowledge it/)).toBeTruthy();
    expect(screen.getByText('Only the incoming manager, Siddharth Iyer, can acknowledge a pack.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Acknowledge pack' })).toBeNull();
  });

  test("the incoming manager still sees the server's refusal, should it refuse", async () => {
    fakeServer({
      Pack: () => ({ node: pack() }),
      AcknowledgeHandoverPack: () => refusal('the handover of this pack was undone'),
    });
    const user = renderAs(siddharth);
    await user.click(await screen.findByRole('button', { name: 'Acknowledge pack' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the handover of this pack was undone');
    expect(screen.queryByText(/Acknowledged on/)).toBeNull();
  });

  test('shows userErrors, such as a pack already acknowledged', async () => {
    fakeServer({
      Pack: () => ({ node: pack() }),
      AcknowledgeHandoverPack: () => ({
        acknowledgeHandoverPack: {
          pack: null,
          userErrors: [{ field: ['input', 'packId'], message: 'the pack is already acknowledged', code: 'INVALID' }],
        },
      }),
    });
    const user = renderAs(siddharth);
    await user.click(await screen.findByRole('button', { name: 'Acknowledge pack' }));
    expect((await screen.findByRole('alert')).textContent).toBe('the pack is already acknowledged');
  });

  test("saves the server's Markdown, and a PDF built from the pack", async () => {
    fakeServer({ Pack: () => ({ node: pack({ markdown: '# Handover pack: Oleksandr Petrenko\n\nRisks…\n' }) }) });
    const user = renderAs(siddharth);
    await user.click(await screen.findByRole('button', { name: 'Save as Markdown' }));
    await screen.findByText('Saved the Markdown as handover-pack-oleksandr-petrenko.md.');
    const [mdName, mdBytes, mdType] = vi.mocked(saveFile).mock.calls[0];
    expect([mdName, mdType]).toEqual(['handover-pack-oleksandr-petrenko.md', 'text/markdown']);
    expect(new TextDecoder().decode(mdBytes)).toBe('# Handover pack: Oleksandr Petrenko\n\nRisks…\n');

    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await screen.findByText('Saved the PDF as handover-pack-oleksandr-petrenko.pdf.', {}, { timeout: 5000 });
    const [pdfName, pdfBytes, pdfType] = vi.mocked(saveFile).mock.calls[1];
    expect([pdfName, pdfType]).toEqual(['handover-pack-oleksandr-petrenko.pdf', 'application/pdf']);
    expect(new TextDecoder('latin1').decode(pdfBytes.subarray(0, 5))).toBe('%PDF-');
  });

  test('says so when the pack does not exist or is not readable', async () => {
    fakeServer({ Pack: () => ({ node: null }) });
    renderAs(grace);
    expect(await screen.findByText('There is no such pack, or it is not yours to read.')).toBeTruthy();
  });

  test('a draft has nothing to acknowledge', async () => {
    fakeServer({ Pack: () => ({ node: pack({ handover: null }) }) });
    renderAs(grace);
    expect(await screen.findByText('A draft: it becomes a pack when the move is made.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Acknowledge pack' })).toBeNull();
  });
});
