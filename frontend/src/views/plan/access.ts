// What the viewer may change on a person's plan, to decide which controls
// to show. The server decides every write on its own; this only keeps
// controls away from people who would be refused.
import { useEffect, useState } from 'react';

import { request, RequestError } from '../../api/client';
import { hasRole, type Session, useSession } from '../../api/session';
import { ManagerLineDocument } from './Plan.generated';

/**
 * Whether the viewer may edit the person's plan: a manager above them.
 * Only a plan the viewer can read is ever shown, and a manager reads only
 * the plans of people below them (or all of them, when also HR, which
 * the server then refuses with a message the form shows).
 */
export function mayEditPlan(s: Session, personId: string): boolean {
  return hasRole(s, 'MANAGER') && s.personId !== personId;
}

/** Whether the viewer may mark actions done: the person or their manager. */
export function mayUpdateActions(s: Session, personId: string): boolean {
  return s.personId === personId || mayEditPlan(s, personId);
}

/** What the viewer may do with a person's plan, as the server decides it. */
export interface PlanAccess {
  /** Still asking who is above the person. */
  loading: boolean;
  /** Whether the viewer reads the person's plan: HR, the person, or a manager above them. */
  canRead: boolean;
  /** Whether the viewer may create (and edit) the plan: a manager above them. */
  mayCreate: boolean;
  error?: RequestError;
  retry: () => void;
}

/**
 * What the viewer may do with the person's plan, found by walking up the
 * person's reporting line (as the server's CanReadPlanOf and CanEditPlanOf
 * do). A person with no plan shown is either planless or outside the
 * viewer's line, and only the line tells which; asked only when wanted.
 */
export function usePlanAccess(personId: string, wanted: boolean): PlanAccess {
  const session = useSession();
  const self = session.personId === personId;
  const hr = hasRole(session, 'HR');
  const manager = hasRole(session, 'MANAGER') && !self && session.personId !== undefined;
  const ask = wanted && manager;
  const [line, setLine] = useState<{ personId: string; above?: readonly string[]; error?: RequestError }>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!ask) return;
    const abort = new AbortController();
    setLine({ personId });
    managersAbove(personId, abort.signal).then(
      (above) => setLine({ personId, above }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const error = err instanceof RequestError ? err : new RequestError('server', String(err));
        if (error.kind === 'unauthenticated') session.sessionEnded(error.message);
        setLine({ personId, error });
      },
    );
    return () => abort.abort();
  }, [ask, personId, round, session]);

  const known = line?.personId === personId ? line : undefined;
  const above = ask && !!session.personId && !!known?.above?.includes(session.personId);
  return {
    loading: ask && !known?.above && !known?.error,
    canRead: hr || self || above,
    mayCreate: above,
    error: known?.error,
    retry: () => setRound((r) => r + 1),
  };
}

type Step = { id: string; manager?: Step | null };

// Ten levels a round, and at most ten rounds: deeper lines than a hundred
// managers do not occur, and a loop in bad data must not spin forever.
const levelsPerRound = 10;
const maxRounds = 10;

/** The IDs of everyone above the person in the reporting line, nearest first. */
async function managersAbove(personId: string, signal: AbortSignal): Promise<string[]> {
  const above: string[] = [];
  let from = personId;
  for (let round = 0; round < maxRounds; round++) {
    const data = await request(ManagerLineDocument, { personId: from }, signal);
    const node = data.node?.__typename === 'Person' ? (data.node as Step) : undefined;
    let found = 0;
    for (let m = node?.manager; m; m = m.manager) {
      if (above.includes(m.id) || m.id === personId) return above;
      above.push(m.id);
      found++;
    }
    if (found < levelsPerRound) return above;
    from = above[above.length - 1];
  }
  return above;
}
