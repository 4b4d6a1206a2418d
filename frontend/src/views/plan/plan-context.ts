// What every edit form of the plan view needs from the plan it edits,
// handed down once instead of through each goal and action.
import { createContext, useContext } from 'react';

/** A person the add-action form offers as a supporter. */
export interface Candidate {
  id: string;
  name: string;
  /** Why they are offered, such as 'manager' or 'colleague'. */
  why: string;
}

export interface PlanEdit {
  planId: string;
  /** The plan's version as last read: every write sends it back. */
  version: number;
  /** Fetches the plan again, after a write or to resolve a conflict. */
  reload: () => void;
  /** Whether the viewer may change goals, actions and status. */
  mayEdit: boolean;
  /** Whether the viewer may mark actions done and reopen them. */
  mayUpdateActions: boolean;
  /** People to offer as supporters before any search. */
  candidates: readonly Candidate[];
}

export const PlanEditContext = createContext<PlanEdit | null>(null);

/** The plan being edited; only inside PlanView. */
export function usePlanEdit(): PlanEdit {
  const edit = useContext(PlanEditContext);
  if (!edit) throw new Error('usePlanEdit outside a PlanView');
  return edit;
}
