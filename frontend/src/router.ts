// A small hash router: the app has a handful of views, each addressed by
// a path after '#', so that back and forward work in a browser and the
// desktop webview alike.
import { useEffect, useState } from 'react';

/** A view and its parameters, parsed from the location's hash. */
export type Route =
  | { view: 'team' }
  | { view: 'chain'; personId: string }
  | { view: 'keyResultChain'; keyResultId: string }
  | { view: 'plan'; personId: string; cycle?: string }
  | { view: 'checkIn'; personId: string; cycle?: string }
  | { view: 'quarterlyReview'; personId: string; cycle?: string }
  | { view: 'handover' }
  | { view: 'pack'; packId: string }
  | { view: 'dashboard'; teamId?: string }
  | { view: 'notFound' };

/** The hash that shows the route. */
export function href(r: Route): string {
  switch (r.view) {
    case 'team':
      return '#/team';
    case 'chain':
      return `#/people/${encodeURIComponent(r.personId)}/chain`;
    case 'keyResultChain':
      return `#/key-results/${encodeURIComponent(r.keyResultId)}/chain`;
    case 'plan':
      return `#/people/${encodeURIComponent(r.personId)}/plan${cyclePart(r.cycle)}`;
    case 'checkIn':
      return `#/people/${encodeURIComponent(r.personId)}/check-in${cyclePart(r.cycle)}`;
    case 'quarterlyReview':
      return `#/people/${encodeURIComponent(r.personId)}/quarterly-review${cyclePart(r.cycle)}`;
    case 'handover':
      return '#/handover';
    case 'pack':
      return `#/handover/packs/${encodeURIComponent(r.packId)}`;
    case 'dashboard':
      return r.teamId ? `#/dashboard/teams/${encodeURIComponent(r.teamId)}` : '#/dashboard';
    case 'notFound':
      return '#/not-found';
  }
}

/** A cycle named in a path, such as '/2027-Q1'; nothing for the current one. */
function cyclePart(cycle?: string): string {
  return cycle ? `/${encodeURIComponent(cycle)}` : '';
}

const patterns: [RegExp, (m: string[]) => Route][] = [
  [/^\/people\/([^/]+)\/chain$/, (m) => ({ view: 'chain', personId: m[1] })],
  [/^\/key-results\/([^/]+)\/chain$/, (m) => ({ view: 'keyResultChain', keyResultId: m[1] })],
  [/^\/people\/([^/]+)\/plan$/, (m) => ({ view: 'plan', personId: m[1] })],
  [/^\/people\/([^/]+)\/plan\/([^/]+)$/, (m) => ({ view: 'plan', personId: m[1], cycle: m[2] })],
  [/^\/people\/([^/]+)\/check-in$/, (m) => ({ view: 'checkIn', personId: m[1] })],
  [/^\/people\/([^/]+)\/check-in\/([^/]+)$/, (m) => ({ view: 'checkIn', personId: m[1], cycle: m[2] })],
  [/^\/people\/([^/]+)\/quarterly-review$/, (m) => ({ view: 'quarterlyReview', personId: m[1] })],
  [
    /^\/people\/([^/]+)\/quarterly-review\/([^/]+)$/,
    (m) => ({ view: 'quarterlyReview', personId: m[1], cycle: m[2] }),
  ],
  [/^\/handover$/, () => ({ view: 'handover' })],
  [/^\/handover\/packs\/([^/]+)$/, (m) => ({ view: 'pack', packId: m[1] })],
  [/^\/dashboard$/, () => ({ view: 'dashboard' })],
  [/^\/dashboard\/teams\/([^/]+)$/, (m) => ({ view: 'dashboard', teamId: m[1] })],
  [/^\/not-found$/, () => ({ view: 'notFound' })],
];

/**
 * Parses a hash such as '#/people/UGVyc29uOjE/plan'; any other path is the
 * team, and a path whose escapes do not decode (a mistyped %) is not found.
 */
export function parse(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const [re, make] of patterns) {
    const m = re.exec(path);
    if (!m) continue;
    try {
      return make(m.map((part) => decodeURIComponent(part)));
    } catch {
      return { view: 'notFound' };
    }
  }
  return { view: 'team' };
}

/**
 * Whether a hash addresses a view. Other hashes, such as '#main' from an
 * in-page link, are not routes and leave the view as it is.
 */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

/** Goes to the route. */
export function navigate(r: Route): void {
  window.location.hash = href(r);
}

/** The current route, following the location's hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      if (isRouteHash(window.location.hash)) setRoute(parse(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
