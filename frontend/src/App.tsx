// The shell: connects first, then shows one view at a time under a bar of
// links, with who is signed in and both versions (app and server).
import { useCallback, useEffect, useMemo, useState } from 'react';

import { request, RequestError } from './api/client';
import { incompatibility } from './api/compat';
import type { ViewerQuery } from './api/Viewer.generated';
import { ViewerDocument } from './api/Viewer.generated';
import { hasRole, type Session, SessionContext } from './api/session';
import { Loading } from './components/states';
import { appVersion, clearToken, loadConnection, saveConnection, setTitle } from './platform';
import { href, type Route, useRoute } from './router';
import { ChainView } from './views/chain/ChainView';
import { KeyResultChainView } from './views/chain/KeyResultChainView';
import { CheckInView } from './views/checkin/CheckInView';
import { ConnectView, type ConnectValues } from './views/connect/ConnectView';
import { DashboardView } from './views/dashboard/DashboardView';
import { HandoverView } from './views/handover/HandoverView';
import { PackView } from './views/handover/PackView';
import { PlanView } from './views/plan/PlanView';
import { TeamView } from './views/team/TeamView';

type Phase =
  | { name: 'starting' }
  | { name: 'connect'; server: string; notice?: string }
  | { name: 'ready'; server: string; viewer: ViewerQuery };

export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [version, setVersion] = useState('');

  useEffect(() => {
    appVersion().then(setVersion, () => setVersion('unknown'));
    start().then(setPhase);
  }, []);

  const signOut = useCallback(
    (notice?: string) => {
      clearToken().finally(() => setPhase((p) => ({ name: 'connect', server: 'server' in p ? p.server : '', notice })));
    },
    [setPhase],
  );

  const onConnect = useCallback(async ({ server, token }: ConnectValues) => {
    await saveConnection(server, token);
    const outcome = await probe(server);
    if (typeof outcome === 'string') {
      await clearToken();
      return outcome;
    }
    setPhase({ name: 'ready', server, viewer: outcome });
    return undefined;
  }, []);

  if (phase.name === 'starting') return <Loading what="your connection" />;
  if (phase.name === 'connect') {
    setTitle('Throughline — Connect');
    return <ConnectView server={phase.server} notice={phase.notice} onConnect={onConnect} appVersion={version} />;
  }
  return <Shell viewer={phase.viewer} appVersion={version} signOut={signOut} />;
}

/** Where the app starts: signed in when a stored token still works. */
async function start(): Promise<Phase> {
  const stored = await loadConnection().catch(() => null);
  const fallback = stored?.server || (inBrowserOrigin() ?? '');
  if (!stored?.hasToken) return { name: 'connect', server: fallback };
  const outcome = await probe(stored.server);
  if (typeof outcome === 'string') return { name: 'connect', server: stored.server, notice: outcome };
  return { name: 'ready', server: stored.server, viewer: outcome };
}

function inBrowserOrigin(): string | undefined {
  return window.go ? undefined : window.location.origin;
}

/** Asks the server who the token is; answers the viewer or why not. */
async function probe(server: string): Promise<ViewerQuery | string> {
  try {
    const v = await request(ViewerDocument, {});
    return incompatibility(v.serverInfo.schemaVersion, v.serverInfo.version) ?? v;
  } catch (err) {
    if (!(err instanceof RequestError)) return String(err);
    switch (err.kind) {
      case 'unreachable':
        return `No Throughline server answers at ${server}. Check the address, and that the server is running and reachable from this computer.`;
      case 'unauthenticated':
        return `The server at ${server} refused this token: it may be mistyped, revoked or for another server.`;
      case 'incompatible':
        return `The server at ${server} speaks an older or different schema than this app (${err.message}). Ask your administrator to upgrade the server.`;
      default:
        return `The server at ${server} answered with an error: ${err.message}`;
    }
  }
}

interface ShellProps {
  viewer: ViewerQuery;
  appVersion: string;
  signOut: (notice?: string) => void;
}

function Shell({ viewer, appVersion, signOut }: ShellProps) {
  const route = useRoute();
  const session: Session = useMemo(
    () => ({
      personId: viewer.viewer.person?.id,
      personName: viewer.viewer.person?.name,
      roles: viewer.viewer.roles,
      serverVersion: viewer.serverInfo.version,
      signOut,
    }),
    [viewer, signOut],
  );
  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-bar">
        <span className="brand">Throughline</span>
        <nav aria-label="Views">
          <NavLink route={{ view: 'team' }} current={route} label="My team" />
          <NavLink route={{ view: 'handover' }} current={route} label="Handover" />
          {hasRole(session, 'HR') && <NavLink route={{ view: 'dashboard' }} current={route} label="Dashboard" />}
        </nav>
        <span className="who">
          {session.personName ?? 'No person'} · {viewer.viewer.roles.join(', ')}
        </span>
        <span className="versions muted small" title="Desktop app and server releases">
          app {appVersion} · server {viewer.serverInfo.version}
        </span>
        <button type="button" className="link-button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <div id="main" className="view">
        <CurrentView route={route} />
      </div>
    </SessionContext.Provider>
  );
}

function NavLink({ route, current, label }: { route: Route; current: Route; label: string }) {
  const active = route.view === current.view || (route.view === 'handover' && current.view === 'pack');
  return (
    <a href={href(route)} aria-current={active ? 'page' : undefined}>
      {label}
    </a>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'team':
      return <TeamView />;
    case 'chain':
      return <ChainView personId={route.personId} />;
    case 'keyResultChain':
      return <KeyResultChainView keyResultId={route.keyResultId} />;
    case 'plan':
      return <PlanView personId={route.personId} />;
    case 'checkIn':
      return <CheckInView personId={route.personId} />;
    case 'handover':
      return <HandoverView />;
    case 'pack':
      return <PackView packId={route.packId} />;
    case 'dashboard':
      return <DashboardView teamId={route.teamId} />;
  }
}
