import { describe, expect, test } from 'vitest';

import { buildPackPdf, packBlocks, pdfText } from './pack-pdf';
import { pack } from './test-fixtures';

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('buildPackPdf', () => {
  test('writes a PDF file with the person and the sections in it', () => {
    const bytes = buildPackPdf(pack());
    expect(latin1(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = latin1(bytes);
    expect(text).toContain('(Handover pack: Oleksandr Petrenko) Tj');
    expect(text).toContain('(Stakeholder priorities) Tj');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  test('breaks long notes across pages', () => {
    const risk = (i: number) => `Risk ${i + 1}: a sentence long enough to wrap on the page.`;
    const long = Array.from({ length: 120 }, (_, i) => risk(i)).join('\n\n');
    const short = latin1(buildPackPdf(pack()));
    const longer = latin1(buildPackPdf(pack({ risks: long })));
    const pages = (s: string) => s.match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages(longer)).toBeGreaterThan(pages(short));
    expect(longer).toContain(`page ${pages(longer)} of ${pages(longer)}) Tj`);
    expect(longer).toContain('(Risk 120: a sentence long enough to wrap on the page.) Tj');
  });
});

describe('packBlocks', () => {
  test('names both managers and the state of the pack', () => {
    const about = packBlocks(pack()).map((b) => b.text);
    expect(about).toContain('From: Grace Mwangi');
    expect(about).toContain('To: Siddharth Iyer');
    expect(about).toContain('State: waiting for Siddharth Iyer to acknowledge it');
  });

  test('calls a pack before the move a draft', () => {
    const about = packBlocks(pack({ handover: null })).map((b) => b.text);
    expect(about).toContain('To: not yet decided');
    expect(about).toContain('State: draft, before the move');
  });
});

describe('pdfText', () => {
  test('spells out what the built-in fonts cannot show', () => {
    expect(pdfText('Ana Kovač grows ARR to €5.0M — fast…')).toBe('Ana Kovac grows ARR to EUR 5.0M - fast...');
    expect(pdfText('Hana Novák, Zoë')).toBe('Hana Novák, Zoë');
    expect(pdfText('会议')).toBe('??');
  });
});
