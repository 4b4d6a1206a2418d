// The shell: connects first, then shows one view at a time under a bar of
// links, with who is signed in and both versions (app and server).
import { type MouseEvent, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { request, RequestError } from './api/client';
import { incompatibility } from './api/compat';
import type { ViewerQuery } from './api/Viewer.generated';
import { ViewerDocument } from './api/Viewer.generated';
import { hasRole, type Session, SessionContext } from './api/session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/states';
import { appVersion, clearToken, loadConnection, saveConnection, setTitle } from './platform';
import { href, type Route, useRoute } from './router';
import { ChainView } from './views/chain/ChainView';
import { KeyResultChainView } from './views/chain/KeyResultChainView';
import { CheckInView } from './views/checkin/CheckInView';
import { ConnectView, type ConnectValues, SessionEndedDialog, UnreachableView } from './views/connect/ConnectView';
import { DashboardView } from './views/dashboard/DashboardView';
import { HandoverView } from './views/handover/HandoverView';
import { PackView } from './views/handover/PackView';
import { PlanView } from './views/plan/PlanView';
import { QuarterlyReviewView } from './views/review/QuarterlyReviewView';
import { TeamView } from './views/team/TeamView';

type Phase =
  | { name: 'starting' }
  | { name: 'connect'; server: string; notice?: string }
  | { name: 'unreachable'; server: string; notice: string }
  | { name: 'ready'; server: string; viewer: ViewerQuery; ended?: string };

export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [version, setVersion] = useState('');
  const [signIns, setSignIns] = useState(0);
  useEffect(() => {
    appVersion().then(setVersion, () => setVersion('unknown'));
    start().then(setPhase);
  }, []);
  const signOut = useCallback(() => {
    clearToken().finally(() => setPhase((p) => ({ name: 'connect', server: 'server' in p ? p.server : '' })));
  }, []);
  // The shell stays, with its views and what was typed in them; a dialog
  // over it asks for a token again. The refused token is left for signing
  // in again to replace (clearing it here could race a new one in).
  const sessionEnded = useCallback((reason: string) => {
    setPhase((p) => (p.name === 'ready' && !p.ended ? { ...p, ended: reason } : p));
  }, []);
  const onConnect = useCallback(async (v: ConnectValues) => {
    const outcome = await connect(v);
    if (typeof outcome === 'string') return outcome;
    setPhase({ name: 'ready', server: v.server, viewer: outcome });
    return undefined;
  }, []);
  const onSignInAgain = useCallback(async (v: ConnectValues) => {
    const outcome = await connect(v);
    if (typeof outcome === 'string') return outcome;
    setPhase({ name: 'ready', server: v.server, viewer: outcome });
    setSignIns((n) => n + 1);
    return undefined;
  }, []);

  switch (phase.name) {
    case 'starting':
      return <Loading what="your connection" />;
    case 'connect':
      setTitle('Throughline — Connect');
      return <ConnectView server={phase.server} notice={phase.notice} onConnect={onConnect} appVersion={version} />;
    case 'unreachable': {
      setTitle('Throughline — Cannot reach the server');
      const retry = async () => {
        const next = await afterProbe(phase.server);
        if (next.name === 'unreachable') return next.notice;
        setPhase(next);
        return undefined;
      };
      return (
        <UnreachableView
          server={phase.server}
          notice={phase.notice}
          onRetry={retry}
          onChange={() => setPhase({ name: 'connect', server: phase.server })}
          appVersion={version}
        />
      );
    }
    case 'ready':
      return (
        <>
          <Shell
            viewer={phase.viewer}
            appVersion={version}
            signOut={signOut}
            sessionEnded={sessionEnded}
            signIns={signIns}
            inert={phase.ended !== undefined}
          />
          {phase.ended !== undefined && (
            <SessionEndedDialog server={phase.server} notice={phase.ended} onConnect={onSignInAgain} onSignOut={signOut} />
          )}
        </>
      );
  }
}

/** Where the app starts: signed in when a stored token still works. */
async function start(): Promise<Phase> {
  const stored = await loadConnection().catch(() => null);
  const fallback = stored?.server || (inBrowserOrigin() ?? '');
  if (!stored?.hasToken) return { name: 'connect', server: fallback };
  return afterProbe(stored.server);
}

/**
 * Where the app goes with the stored token: in when the server accepts
 * it; to a retry when the server does not answer (the token is kept for
 * it); to Connect, saying why, when the server refuses.
 */
async function afterProbe(server: string): Promise<Phase> {
  const outcome = await probe(server);
  if ('viewer' in outcome) return { name: 'ready', server, viewer: outcome.viewer };
  if (outcome.kind === 'unreachable') return { name: 'unreachable', server, notice: outcome.message };
  return { name: 'connect', server, notice: outcome.message };
}

function inBrowserOrigin(): string | undefined {
  return window.go ? undefined : window.location.origin;
}

/** Stores the connection and tries it: the viewer, or why not (and then no token is kept). */
async function connect({ server, token }: ConnectValues): Promise<ViewerQuery | string> {
  try {
    await saveConnection(server, token);
  } catch (err) {
    return `The connection could not be saved: ${err instanceof Error ? err.message : String(err)}`;
  }
  const outcome = await probe(server);
  if ('viewer' in outcome) return outcome.viewer;
  await clearToken().catch(() => {});
  return outcome.message;
}

type Probe = { viewer: ViewerQuery } | { kind: RequestError['kind']; message: string };

/** Asks the server who the token is; answers the viewer or why not. */
async function probe(server: string): Promise<Probe> {
  try {
    const v = await request(ViewerDocument, {});
    const tooOld = incompatibility(v.serverInfo.schemaVersion, v.serverInfo.version);
    return tooOld ? { kind: 'incompatible', message: tooOld } : { viewer: v };
  } catch (err) {
    if (!(err instanceof RequestError)) return { kind: 'server', message: String(err) };
    return { kind: err.kind, message: probeFailure(server, err) };
  }
}

function probeFailure(server: string, err: RequestError): string {
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

interface ShellProps {
  viewer: ViewerQuery;
  appVersion: string;
  signOut: () => void;
  sessionEnded: (reason: string) => void;
  signIns: number;
  /** While a dialog is open over it: nothing in the shell takes focus or clicks. */
  inert: boolean;
}

function Shell({ viewer, appVersion, signOut, sessionEnded, signIns, inert }: ShellProps) {
  const route = useRoute();
  const main = useRef<HTMLDivElement>(null);
  const shell = useRef<HTMLDivElement>(null);
  useFocusReturns(shell, main, inert);
  const session: Session = useMemo(
    () => ({
      personId: viewer.viewer.person?.id,
      personName: viewer.viewer.person?.name,
      roles: viewer.viewer.roles,
      serverVersion: viewer.serverInfo.version,
      signOut,
      sessionEnded,
      signIns,
    }),
    [viewer, signOut, sessionEnded, signIns],
  );
  // The link moves focus to the view without touching the hash, which
  // holds the route.
  const skipToContent = (e: MouseEvent) => {
    e.preventDefault();
    main.current?.focus();
  };
  return (
    <SessionContext.Provider value={session}>
      <div className="shell" ref={shell} inert={inert || undefined}>
        <a className="skip-link" href="#main" onClick={skipToContent}>
          Skip to content
        </a>
        <header className="app-bar">
          <span className="brand">Throughline</span>
          <nav aria-label="Views">
            <NavLink route={{ view: 'team' }} current={route} label="My team" />
            {session.personId && (
              <NavLink route={{ view: 'plan', personId: session.personId }} current={route} label="My plan" />
            )}
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
        <div id="main" className="view" tabIndex={-1} ref={main}>
          <ErrorBoundary what="this view" resetKey={href(route)}>
            <CurrentView route={route} />
          </ErrorBoundary>
        </div>
      </div>
    </SessionContext.Provider>
  );
}

/**
 * Follows focus inside the shell, and once a dialog over it closes, puts
 * focus back where it last was (such as the button that sent a form the
 * server then refused), or on the view when that is gone or disabled.
 */
function useFocusReturns(shell: RefObject<HTMLElement | null>, main: RefObject<HTMLElement | null>, inert: boolean) {
  const last = useRef<HTMLElement | null>(null);
  const wasInert = useRef(inert);
  useEffect(() => {
    const follow = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && shell.current?.contains(e.target)) last.current = e.target;
    };
    document.addEventListener('focusin', follow);
    return () => document.removeEventListener('focusin', follow);
  }, [shell]);
  useEffect(() => {
    if (wasInert.current && !inert) {
      const el = last.current;
      const usable = el?.isConnected && !(el as HTMLButtonElement).disabled;
      (usable ? el : main.current)?.focus();
    }
    wasInert.current = inert;
  }, [inert, main]);
}

function NavLink({ route, current, label }: { route: Route; current: Route; label: string }) {
  // My plan is one person's plan; the other links stand for a whole view.
  const active =
    route.view === 'plan'
      ? href(route) === href(current)
      : route.view === current.view || (route.view === 'handover' && current.view === 'pack');
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
      return <PlanView key={route.cycle ?? ''} personId={route.personId} cycle={route.cycle} />;
    case 'checkIn':
      return <CheckInView key={route.cycle ?? ''} personId={route.personId} cycle={route.cycle} />;
    case 'quarterlyReview':
      return <QuarterlyReviewView key={route.cycle ?? ''} personId={route.personId} cycle={route.cycle} />;
    case 'handover':
      return <HandoverView />;
    case 'pack':
      return <PackView packId={route.packId} />;
    case 'dashboard':
      return <DashboardView teamId={route.teamId} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  useEffect(() => setTitle('Throughline — Not found'), []);
  return (
    <main>
      <h1>Not found</h1>
      <p>This address names no view of Throughline: it may be mistyped or cut short.</p>
      <p>
        <a href={href({ view: 'team' })}>Go to My team</a>
      </p>
    </main>
  );
}
