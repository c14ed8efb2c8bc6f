import { describe, expect, it } from 'vitest';
import { raiseNcLink, stateBadge } from './api';

describe('certification helpers', () => {
  it('raises an NC from an external finding with its source, reference, requirement and title', () => {
    const link = raiseNcLink({ id: 'CF-3', audit_id: 'CERTA-2', type: 'minor_nc', requirement: 'A.5.3', description: 'No record & no owner', nc_id: null });
    const url = new URL(link, 'http://x');
    expect(url.pathname).toBe('/nonconformities/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      source: 'external_audit', source_ref: 'CF-3', requirement: 'A.5.3', title: 'CF-3: No record & no owner',
    });
    const long = raiseNcLink({ id: 'CF-4', audit_id: 'CERTA-2', type: 'major_nc', requirement: '9.2.2', description: 'x'.repeat(500), nc_id: null });
    expect(new URL(long, 'http://x').searchParams.get('title')).toHaveLength(200);
  });

  it('marks what is done or present as met, what is missing or overdue as overdue', () => {
    expect(stateBadge('present')).toContain('badge-ob-met');
    expect(stateBadge('done')).toContain('badge-ob-met');
    expect(stateBadge('missing')).toContain('badge-ob-overdue');
    expect(stateBadge('expired')).toContain('badge-ob-overdue');
    expect(stateBadge('out_of_date')).toContain('badge-ob-in');
    expect(stateBadge('due')).toContain('badge-neutral');
  });
});
