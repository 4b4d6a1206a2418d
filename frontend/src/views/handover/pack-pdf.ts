// A handover pack as a PDF for printing: the pack is first laid out as a
// list of blocks (headings, text, bullets), the same sections the pack
// view shows, then the blocks are set on A4 pages with jsPDF, wrapped to
// the page's width and broken across pages.
import { jsPDF } from 'jspdf';

import { statusLabel } from '../../components/badges';
import type { PackFieldsFragment } from './Pack.generated';
import { actionKindLabels, checkInKindLabels, dayOf, observedChangeLabels } from './labels';

/** One piece of the laid-out pack. */
export interface PdfBlock {
  kind: 'title' | 'heading' | 'subheading' | 'text' | 'bullet' | 'muted';
  text: string;
}

type Pack = PackFieldsFragment;
type Contents = Pack['contents'];

/** The pack as blocks, in reading order. */
export function packBlocks(pack: Pack): PdfBlock[] {
  const c = pack.contents;
  return [
    { kind: 'title', text: `Handover pack: ${pack.person.name}` },
    ...aboutBlocks(pack),
    ...section('Plan', planBlocks(c)),
    ...section('Execution goals', goalBlocks(c.executionGoals, 'No active execution goals.')),
    ...section('Career goals', goalBlocks(c.careerGoals, 'No active career goals.')),
    ...section('Open actions', actionBlocks(c)),
    ...section('Recent check-ins', checkInBlocks(c)),
    ...section('Key deliverables', deliverableBlocks(c)),
    ...section('Risks', notesBlocks(pack.risks)),
    ...section('Stakeholder priorities', notesBlocks(pack.stakeholderPriorities)),
    ...section('Plan warnings', warningBlocks(c)),
  ];
}

function section(heading: string, body: PdfBlock[]): PdfBlock[] {
  return [{ kind: 'heading', text: heading }, ...body];
}

const text = (t: string): PdfBlock => ({ kind: 'text', text: t });
const bullet = (t: string): PdfBlock => ({ kind: 'bullet', text: t });
const muted = (t: string): PdfBlock => ({ kind: 'muted', text: t });

function aboutBlocks(pack: Pack): PdfBlock[] {
  const h = pack.handover;
  const lines = [
    `Person: ${pack.person.name}${pack.person.title ? `, ${pack.person.title}` : ''}`,
    `From: ${pack.fromManager?.name ?? 'no manager'}`,
    `To: ${h?.toManager.name ?? 'not yet decided'}`,
  ];
  if (h) lines.push(`Effective: ${h.effectiveOn}`);
  lines.push(`State: ${packState(pack)}`);
  if (h?.note) lines.push(`Note: ${h.note}`);
  return lines.map(text);
}

/** Where the pack stands, in words. */
export function packState(pack: Pick<Pack, 'handover' | 'acknowledgedAt' | 'acknowledgedBy'>): string {
  if (!pack.handover) return 'draft, before the move';
  if (!pack.acknowledgedAt) return `waiting for ${pack.handover.toManager.name} to acknowledge it`;
  const by = pack.acknowledgedBy ? ` by ${pack.acknowledgedBy.name}` : '';
  return `acknowledged on ${dayOf(pack.acknowledgedAt)}${by}`;
}

function planBlocks(c: Contents): PdfBlock[] {
  if (!c.status) return [muted(`No plan${c.cycle ? ` for ${c.cycle}` : ''}.`)];
  const blocks = [text(`Cycle: ${c.cycle ?? 'none'}`), text(`Status: ${statusLabel(c.status)}`)];
  if (c.statusReason) blocks.push(text(`Why: ${c.statusReason}`));
  return blocks;
}

function goalBlocks(goals: Contents['executionGoals'], none: string): PdfBlock[] {
  if (goals.length === 0) return [muted(none)];
  return goals.flatMap((g) => {
    const blocks: PdfBlock[] = [{ kind: 'subheading', text: g.title }];
    if (g.changeInWork) blocks.push(bullet(`What will change: ${g.changeInWork}`));
    if (g.keyResult) blocks.push(bullet(`Key result: ${g.keyResult}`));
    if (g.capability) blocks.push(bullet(`Capability: ${g.capability}${g.gap != null ? ` (gap ${g.gap})` : ''}`));
    if (g.horizon) blocks.push(bullet(`Horizon: ${g.horizon}`));
    return blocks;
  });
}

function actionBlocks(c: Contents): PdfBlock[] {
  if (c.openActions.length === 0) return [muted('No open actions.')];
  return c.openActions.map((a) => {
    const due = a.dueOn ? `, due ${a.dueOn}${a.overdue ? ' (overdue)' : ''}` : '';
    const who = a.supporter ? `, supported by ${a.supporter}` : '';
    return bullet(`${a.title} (${actionKindLabels[a.kind].toLowerCase()}, for ${a.goal})${due}${who}`);
  });
}

function checkInBlocks(c: Contents): PdfBlock[] {
  if (c.recentCheckIns.length === 0) return [muted('No check-ins yet.')];
  return c.recentCheckIns.flatMap((ci) => {
    const blocks: PdfBlock[] = [
      { kind: 'subheading', text: `${ci.heldOn}, ${checkInKindLabels[ci.kind].toLowerCase()}` },
      bullet(`Status after: ${statusLabel(ci.statusAfter)}`),
    ];
    if (ci.stillHard) blocks.push(bullet(`Still hard: ${ci.stillHard}`));
    if (ci.supportNeeded) blocks.push(bullet(`Support needed: ${ci.supportNeeded}`));
    if (ci.observedChange) blocks.push(bullet(`Observed change: ${observedChangeLabels[ci.observedChange]}`));
    if (ci.note) blocks.push(bullet(`Note: ${ci.note}`));
    return blocks;
  });
}

function deliverableBlocks(c: Contents): PdfBlock[] {
  if (c.keyDeliverables.length === 0) return [muted('Owns no key results this cycle.')];
  return c.keyDeliverables.map((k) => {
    const critical = k.critical ? ', critical' : '';
    return bullet(`${k.title} (${k.objective}): ${Math.round(k.progress * 100)}%${critical}`);
  });
}

function notesBlocks(notes: string): PdfBlock[] {
  if (!notes.trim()) return [muted('None written.')];
  return notes.split(/\n{2,}/).map((p) => text(p.trim()));
}

function warningBlocks(c: Contents): PdfBlock[] {
  if (c.warnings.length === 0) return [muted('The plan breaks no rules.')];
  return c.warnings.map((w) => bullet(w.message));
}

// Page geometry in millimetres (A4), and type sizes in points.
const page = { width: 210, height: 297, margin: 18 };
const sizes: Record<PdfBlock['kind'], number> = {
  title: 18,
  heading: 13,
  subheading: 11,
  text: 10.5,
  bullet: 10.5,
  muted: 10.5,
};
const ptToMm = 25.4 / 72;
const bulletIndent = 5;

/** The pack as the bytes of a PDF file. */
export function buildPackPdf(pack: Pack): Uint8Array {
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  doc.setProperties({ title: pdfText(`Handover pack: ${pack.person.name}`), creator: 'Throughline' });
  const writer = new PageWriter(doc);
  for (const b of packBlocks(pack)) writer.write(b);
  writer.footers(pdfText(`Handover pack: ${pack.person.name}`));
  return new Uint8Array(doc.output('arraybuffer'));
}

/** Sets blocks down a page, starting a new page when one is full. */
class PageWriter {
  private y = page.margin;

  constructor(private readonly doc: jsPDF) {}

  write(b: PdfBlock): void {
    const size = sizes[b.kind];
    const lineHeight = size * ptToMm * 1.35;
    const indent = b.kind === 'bullet' ? bulletIndent : 0;
    this.styleFor(b);
    const lines: string[] = this.doc.splitTextToSize(pdfText(b.text), page.width - 2 * page.margin - indent);
    this.y += spaceBefore(b.kind);
    // A heading starts a new page rather than end one: keep it with two
    // lines of what follows.
    if (b.kind === 'heading' || b.kind === 'subheading') this.ensureRoom(lineHeight * (lines.length + 2));
    lines.forEach((line, i) => {
      this.ensureRoom(lineHeight);
      this.y += lineHeight;
      if (b.kind === 'bullet' && i === 0) this.doc.circle(page.margin + 1.5, this.y - lineHeight / 3, 0.6, 'F');
      this.doc.text(line, page.margin + indent, this.y);
    });
    if (b.kind === 'title') this.y += 3;
  }

  /** Numbers every page at its foot. */
  footers(label: string): void {
    const count = this.doc.getNumberOfPages();
    this.doc.setFont('helvetica', 'normal').setFontSize(8.5).setTextColor(110);
    for (let i = 1; i <= count; i++) {
      this.doc.setPage(i);
      this.doc.text(`${label} - page ${i} of ${count}`, page.margin, page.height - page.margin / 2);
    }
  }

  private styleFor(b: PdfBlock): void {
    const bold = b.kind === 'title' || b.kind === 'heading' || b.kind === 'subheading';
    this.doc.setFont('helvetica', bold ? 'bold' : 'normal');
    this.doc.setFontSize(sizes[b.kind]);
    this.doc.setTextColor(b.kind === 'muted' ? 110 : 20);
  }

  private ensureRoom(height: number): void {
    if (this.y + height <= page.height - page.margin) return;
    this.doc.addPage();
    this.y = page.margin;
  }
}

function spaceBefore(kind: PdfBlock['kind']): number {
  if (kind === 'heading') return 5;
  if (kind === 'subheading') return 2.5;
  return kind === 'title' ? 0 : 0.8;
}

// The PDF's built-in fonts cover Latin-1 only, and jsPDF garbles a whole
// line that holds anything else, so other characters are spelled out.
const replacements: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u20ac': 'EUR ',
  '\u2192': '->',
};

/** Text the PDF's built-in fonts can show. */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) <= 0xff) out += ch;
    else out += replacements[ch] ?? (ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || '?');
  }
  // A decomposed letter with no Latin-1 form still cannot be shown.
  return out.replace(/[^\u0000-\u00ff]/g, '?');
}
