// Indirect reports, found by walking down the reporting line one level at
// a time. The server's due list names only reports with something due; the
// walk also finds those with nothing due (a completed plan), and works for
// HR, who may read every plan but keep no due list of their own.
import type { ReportsOfQuery } from './Team.generated';
import { rowFromMember, type TeamRow } from './team-model';

/** Fetches the reports of a few managers (the ReportsOf query). */
export type FetchReports = (ids: string[]) => Promise<ReportsOfQuery>;

/**
 * How many managers one request asks about: each asks for a page of 50
 * reports, and four such pages cost more than the server's complexity
 * limit allows.
 */
export const managersPerRequest = 3;

/** How deep the walk goes: deeper than any reporting line it should meet. */
const maxLevels = 12;

/** The walk's result: the rows, and whether some page was cut short. */
export interface Walked {
  rows: TeamRow[];
  /** A manager had more reports than one page holds. */
  truncated: boolean;
}

/** A manager to ask about, with the name the rows below them show. */
interface Manager {
  id: string;
  name: string;
}

/**
 * Walks down from the viewer's direct reports who have reports of their
 * own, and answers everyone below them as indirect rows.
 */
export async function walkIndirect(direct: readonly TeamRow[], fetch: FetchReports): Promise<Walked> {
  const seen = new Set(direct.map((r) => r.id));
  const rows: TeamRow[] = [];
  let truncated = false;
  let level: Manager[] = direct.filter((r) => r.hasReports);
  for (let depth = 0; depth < maxLevels && level.length > 0; depth++) {
    const answers = await Promise.all(chunks(level, managersPerRequest).map((part) => fetch(part.map((m) => m.id))));
    const next: Manager[] = [];
    for (const node of answers.flatMap((a) => a.nodes)) {
      if (!node || !('reports' in node)) continue;
      truncated ||= node.reports.totalCount > node.reports.nodes.length;
      for (const m of node.reports.nodes) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        rows.push(rowFromMember(m, false, node.name));
        if (m.reports.totalCount > 0) next.push(m);
      }
    }
    level = next;
  }
  return { rows, truncated };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
