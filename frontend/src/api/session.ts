// Who is signed in, shared by every view: the viewer's person and roles,
// the way to sign out, and what to do when the server stops accepting
// the token while a view is open.
import { createContext, useContext } from 'react';

import type { Role } from './schema';

/** The signed-in viewer, as the shell loaded it. */
export interface Session {
  personId?: string;
  personName?: string;
  roles: readonly Role[];
  serverVersion: string;
  /** Drops the token and returns to Connect. */
  signOut: () => void;
  /**
   * The server refused the token (revoked or expired) while a view was
   * open: asks to sign in again over the view, which stays as it is, so
   * that nothing typed is lost.
   */
  sessionEnded: (reason: string) => void;
  /**
   * Grows each time the viewer signs in again after sessionEnded; a query
   * that failed for want of a valid token then runs again.
   */
  signIns: number;
}

export const SessionContext = createContext<Session>({
  roles: [],
  serverVersion: '',
  signOut: () => {},
  sessionEnded: () => {},
  signIns: 0,
});

/** The signed-in viewer. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** Whether the viewer holds the role. */
export function hasRole(s: Session, role: Role): boolean {
  return s.roles.includes(role);
}
