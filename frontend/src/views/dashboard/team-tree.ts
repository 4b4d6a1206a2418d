// The team tree as the dashboard walks it: the path from the top down to
// a team, for the breadcrumb, and the teams directly below one.
import { useEffect, useState } from 'react';

import { request, RequestError } from '../../api/client';
import { DashboardTeamsDocument, type DashboardTeamsQuery } from './DashboardView.generated';

/** A team with its parent's ID, as the tree is read. */
export interface TeamNode {
  id: string;
  name: string;
  parentId?: string;
}

/** The teams from the top of the tree down to the team, both included. */
export function pathTo(teams: readonly TeamNode[], teamId: string): TeamNode[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const path: TeamNode[] = [];
  // Bounded by the number of teams, so a loop in bad data cannot hang.
  let at = byId.get(teamId);
  for (let i = 0; at && i < teams.length; i++) {
    path.unshift(at);
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  return path;
}

/** The teams directly below a team, or the top teams when there is none. */
export function childrenOf(teams: readonly TeamNode[], teamId?: string): TeamNode[] {
  return teams.filter((t) => t.parentId === teamId).sort((a, b) => a.name.localeCompare(b.name));
}

// Enough pages for ten thousand teams; a bound, not an expectation.
const maxPages = 100;

/** Every team, read page by page; undefined until all pages are in. */
export function useAllTeams(skip: boolean): { teams?: TeamNode[]; error?: RequestError } {
  const [state, setState] = useState<{ teams?: TeamNode[]; error?: RequestError }>({});
  useEffect(() => {
    if (skip) return;
    const abort = new AbortController();
    readAllTeams(abort.signal).then(
      (teams) => setState({ teams }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setState({ error: err instanceof RequestError ? err : new RequestError('server', String(err)) });
      },
    );
    return () => abort.abort();
  }, [skip]);
  return state;
}

async function readAllTeams(signal: AbortSignal): Promise<TeamNode[]> {
  const teams: TeamNode[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const data: DashboardTeamsQuery = await request(DashboardTeamsDocument, { after }, signal);
    for (const t of data.teams.nodes) teams.push({ id: t.id, name: t.name, parentId: t.parent?.id });
    if (!data.teams.pageInfo.hasNextPage || !data.teams.pageInfo.endCursor) break;
    after = data.teams.pageInfo.endCursor;
  }
  return teams;
}
