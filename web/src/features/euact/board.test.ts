import { describe, expect, it } from 'vitest';
import type { Obligation } from './api';
import { columns, dueIn, filtersOf, formErrors, formOf, patchOf, timeline, viewOf } from './board';

function ob(id: string, status: Obligation['status'], applies: string): Obligation {
  return {
    system_id: 'sys_1',
    system_name: 'S',
    obligation_id: id,
    article: 'Art. 9',
    title: 'T',
    summary: 'S',
    roles: ['provider'],
    classes: ['high_risk'],
    variant: 'high_risk_annex_iii',
    applies_from: applies,
    grace_until: null,
    due: applies,
    overdue: false,
    status,
    not_applicable_reason: '',
    owner: 'Ann',
    evidence_refs: ['E1'],
    notes: '',
    retired: false,
    recheck_needed: false,
    system_class: 'high_risk',
    iso42001_controls: [],
    evidence_examples: [],
    condition: null,
    version: 1,
    created_at: '',
    updated_at: '',
  };
}

describe('the obligations board', () => {
  it('reads its view and filters from the URL', () => {
    const sp = new URLSearchParams('view=timeline&status=met&role=deployer&overdue=true&x=1');
    expect(viewOf(sp)).toBe('timeline');
    expect(viewOf(new URLSearchParams())).toBe('columns');
    expect(filtersOf(sp)).toEqual({ status: 'met', role: 'deployer', overdue: 'true' });
  });

  it('groups by status and by application date', () => {
    const items = [ob('a', 'met', '2027-12-02'), ob('b', 'not_started', '2026-08-02'), ob('c', 'met', '2026-08-02')];
    const c = columns(items);
    expect(c.met.map((o) => o.obligation_id)).toEqual(['a', 'c']);
    expect(c.in_progress).toEqual([]);
    expect(timeline(items).map((g) => [g.date, g.items.map((o) => o.obligation_id)])).toEqual([
      ['2026-08-02', ['b', 'c']],
      ['2027-12-02', ['a']],
    ]);
  });

  it('sends only what changed, and needs a reason for not applicable', () => {
    const o = ob('a', 'not_started', '2027-12-02');
    const f = formOf(o);
    expect(patchOf(o, f)).toEqual({});
    expect(patchOf(o, { ...f, owner: ' Bob ', evidence: 'E1\n\nE2 ' })).toEqual({ owner: 'Bob', evidence_refs: ['E1', 'E2'] });
    expect(formErrors({ ...f, status: 'not_applicable' })).toEqual({ reason: 'Say why the obligation does not apply.' });
    expect(formErrors({ ...f, status: 'not_applicable', reason: 'Not ours' })).toEqual({});
  });

  it('says when something is due relative to today', () => {
    expect(dueIn('2026-11-22', '2026-11-22')).toBe('today');
    expect(dueIn('2026-11-23', '2026-11-22')).toBe('tomorrow');
    expect(dueIn('2027-12-02', '2026-11-22')).toBe('in 375 days');
    expect(dueIn('2026-08-02', '2026-11-22')).toBe('112 days ago');
  });
});
