// What the viewer may change on a person's plan, to decide which controls
// to show. The server decides every write on its own; this only keeps
// controls away from people who would be refused.
import { hasRole, type Session } from '../../api/session';

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
