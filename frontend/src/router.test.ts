import { describe, expect, test } from 'vitest';

import { href, parse, type Route } from './router';

describe('router', () => {
  const routes: Route[] = [
    { view: 'team' },
    { view: 'chain', personId: 'UGVyc29uOjE=' },
    { view: 'keyResultChain', keyResultId: 'S2V5UmVzdWx0OjM=' },
    { view: 'plan', personId: 'a/b' },
    { view: 'checkIn', personId: 'p' },
    { view: 'handover' },
    { view: 'pack', packId: 'x' },
    { view: 'dashboard' },
    { view: 'dashboard', teamId: 'T' },
  ];

  test.each(routes)('parse(href(r)) gives r back: %o', (r) => {
    expect(parse(href(r))).toEqual(r);
  });

  test('an unknown hash shows the team', () => {
    expect(parse('#/nowhere')).toEqual({ view: 'team' });
    expect(parse('')).toEqual({ view: 'team' });
  });
});
