// Who is signed in, shared by every view: the viewer's person and roles,
// and the way to sign out when the server refuses the token.
import { createContext, useContext } from 'react';

import type { Role } from './schema';

/** The signed-in viewer, as the shell loaded it. */
export interface Session {
  personId?: string;
  personName?: string;
  roles: readonly Role[];
  serverVersion: string;
  /** Drops the token and returns to Connect, showing why. */
  signOut: (reason?: string) => void;
}

export const SessionContext = createContext<Session>({
  roles: [],
  serverVersion: '',
  signOut: () => {},
});

/** The signed-in viewer. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** Whether the viewer holds the role. */
export function hasRole(s: Session, role: Role): boolean {
  return s.roles.includes(role);
}
