import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';

import { PackContents } from './PackContents';
import { contents } from './test-fixtures';

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('PackContents', () => {
  test('shows every section of the pack under its heading', () => {
    render(<PackContents contents={contents()} risks="Knows the cache alone." stakeholderPriorities="Dispatch leads." />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Plan',
      'Execution goals',
      'Career goals',
      'Open actions',
      'Recent check-ins',
      'Key deliverables',
      'Risks',
      'Stakeholder priorities',
      'Plan warnings',
    ]);
    expect(section('Plan').textContent).toContain('Blocked');
    expect(section('Plan').textContent).toContain('Waiting for access to the billing data');
    expect(section('Execution goals').textContent).toContain('Capability: Handover quality (gap 1)');
    expect(section('Career goals').textContent).toContain('Horizon: 2027-Q4');
    expect(section('Risks').textContent).toBe('RisksKnows the cache alone.');
    expect(section('Stakeholder priorities').textContent).toContain('Dispatch leads.');
    expect(section('Plan warnings').textContent).toContain('A goal has no supporter on any action.');
  });

  test('marks overdue actions, critical key results and shared check-in notes', () => {
    render(<PackContents contents={contents()} risks="" stakeholderPriorities="" />);
    const action = within(section('Open actions')).getByRole('row', { name: /Review two of Mei-Lin/ });
    expect(action.textContent).toContain('Exposure');
    expect(action.textContent).toContain('overdue');
    const deliverable = within(section('Key deliverables')).getByRole('row', { name: /Cut customer-facing/ });
    expect(deliverable.textContent).toContain('critical');
    expect(deliverable.textContent).toContain('61%');
    const checkIns = section('Recent check-ins').textContent;
    expect(checkIns).toContain('Monthly check-in');
    expect(checkIns).toContain('Clear improvement');
    expect(checkIns).toContain('Shared note from the check-in');
  });

  test('says so when a section is empty', () => {
    const empty = {
      ...contents(),
      status: null,
      executionGoals: [],
      careerGoals: [],
      openActions: [],
      recentCheckIns: [],
      keyDeliverables: [],
      warnings: [],
    };
    render(<PackContents contents={empty} risks=" " stakeholderPriorities="" level={3} />);
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(9);
    expect(section('Plan').textContent).toContain('No plan for 2026-Q4.');
    expect(section('Open actions').textContent).toContain('No open actions.');
    expect(section('Recent check-ins').textContent).toContain('No check-ins yet.');
    expect(section('Risks').textContent).toContain('None written.');
    expect(section('Plan warnings').textContent).toContain('The plan breaks no rules.');
  });
});
