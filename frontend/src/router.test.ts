import { act, renderHook } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { href, parse, type Route, useRoute } from './router';

describe('router', () => {
  const routes: Route[] = [
    { view: 'team' },
    { view: 'chain', personId: 'UGVyc29uOjE=' },
    { view: 'keyResultChain', keyResultId: 'S2V5UmVzdWx0OjM=' },
    { view: 'plan', personId: 'a/b' },
    { view: 'plan', personId: 'p', cycle: '2027-Q1' },
    { view: 'checkIn', personId: 'p' },
    { view: 'checkIn', personId: 'p', cycle: '2027-Q1' },
    { view: 'quarterlyReview', personId: 'p' },
    { view: 'quarterlyReview', personId: 'p', cycle: 'Spring 2027' },
    { view: 'handover' },
    { view: 'pack', packId: 'x' },
    { view: 'dashboard' },
    { view: 'dashboard', teamId: 'T' },
    { view: 'notFound' },
  ];

  test.each(routes)('parse(href(r)) gives r back: %o', (r) => {
    expect(parse(href(r))).toEqual(r);
  });

  test('an unknown hash shows the team', () => {
    expect(parse('#/nowhere')).toEqual({ view: 'team' });
    expect(parse('')).toEqual({ view: 'team' });
  });

  test('a path whose escapes do not decode is not found, instead of throwing', () => {
    expect(parse('#/handover/packs/%%%')).toEqual({ view: 'notFound' });
    expect(parse('#/people/%E0%A4%A/plan')).toEqual({ view: 'notFound' });
  });

  test("an in-page link's hash, such as #main, leaves the view as it is", () => {
    window.location.hash = '#/handover';
    const { result } = renderHook(() => useRoute());
    expect(result.current).toEqual({ view: 'handover' });
    act(() => {
      window.location.hash = '#main';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(result.current).toEqual({ view: 'handover' });
    act(() => {
      window.location.hash = '#/dashboard';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(result.current).toEqual({ view: 'dashboard' });
  });
});
