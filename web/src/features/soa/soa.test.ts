import { describe, expect, it } from 'vitest';
import type { SoaEntry } from './api';
import { byArea, changesByControl, compareIds, displayValue, entryPatch, formFromEntry, matches } from './soa';

function entry(control_id: string, over: Partial<SoaEntry> = {}): SoaEntry {
  return {
    control_id,
    title: `Control ${control_id}`,
    area_id: control_id.split('.').slice(0, 2).join('.'),
    applicable: true,
    justification: '',
    reasons: [],
    implementation_status: 'not_started',
    owner: '',
    evidence_refs: [],
    policy_refs: [],
    latest_answer: null,
    version: 0,
    ...over,
  };
}

describe('SoA helpers', () => {
  it('orders ids numerically', () => {
    const ids = ['A.10.2', 'A.2.3', 'A.6.2.10', 'A.6.2.2', 'A.2.2'];
    expect(ids.sort(compareIds)).toEqual(['A.2.2', 'A.2.3', 'A.6.2.2', 'A.6.2.10', 'A.10.2']);
  });

  it('groups entries by area in document order', () => {
    const groups = byArea([entry('A.10.2'), entry('A.2.3'), entry('A.2.2')]);
    expect(groups.map((g) => [g.area, g.entries.map((e) => e.control_id)])).toEqual([
      ['A.2', ['A.2.2', 'A.2.3']],
      ['A.10', ['A.10.2']],
    ]);
  });

  it('filters by area, applicability, status and text', () => {
    const e = entry('A.6.2.4', { owner: 'ML platform', evidence_refs: ['Test report 7'], implementation_status: 'partial' });
    expect(matches(e, {})).toBe(true);
    expect(matches(e, { area: 'A.6' })).toBe(true);
    expect(matches(e, { area: 'A.7' })).toBe(false);
    expect(matches(e, { applicable: 'no' })).toBe(false);
    expect(matches(e, { status: 'partial' })).toBe(true);
    expect(matches(e, { status: 'implemented' })).toBe(false);
    expect(matches(e, { q: 'report 7' })).toBe(true);
    expect(matches(e, { q: 'platform' })).toBe(true);
    expect(matches(e, { q: 'nothing' })).toBe(false);
    expect(matches(entry('A.2.2', { applicable: false }), { status: 'not_started' })).toBe(false);
  });

  it('patches only what changed', () => {
    const stored = entry('A.2.2', { reasons: ['legal_requirement'], evidence_refs: ['Policy'] });
    const f = formFromEntry(stored);
    expect(entryPatch(stored, f)).toEqual({});
    expect(entryPatch(stored, { ...f, applicable: false, justification: ' Not used ' })).toEqual({ applicable: false, justification: 'Not used' });
    expect(entryPatch(stored, { ...f, reasons: ['risk_treatment', 'legal_requirement'] })).toEqual({ reasons: ['risk_treatment', 'legal_requirement'] });
    expect(entryPatch(stored, { ...f, policy_refs: 'Policy\nMinutes\n', implementation_status: 'implemented' })).toEqual({ policy_refs: ['Policy', 'Minutes'], implementation_status: 'implemented' });
    // Evidence is linked from the vault, never patched as text; notes are.
    expect(entryPatch(stored, { ...f, notes: ' Reviewed in March ' })).toEqual({ notes: 'Reviewed in March' });
  });

  it('shows diff values for people', () => {
    expect(displayValue('applicable', false)).toBe('No');
    expect(displayValue('implementation_status', 'partial')).toBe('Partially implemented');
    expect(displayValue('reasons', ['risk_treatment', 'other'])).toBe('Risk treatment, Other');
    expect(displayValue('evidence_refs', [])).toBe('—');
    expect(displayValue('owner', '')).toBe('—');
  });

  it('groups diff changes by control', () => {
    const g = changesByControl([
      { control_id: 'A.10.2', field: 'owner' },
      { control_id: 'A.2.2', field: 'applicable' },
      { control_id: 'A.2.2', field: 'justification' },
    ]);
    expect(g.map((x) => [x.control_id, x.changes.length])).toEqual([
      ['A.2.2', 2],
      ['A.10.2', 1],
    ]);
  });
});
