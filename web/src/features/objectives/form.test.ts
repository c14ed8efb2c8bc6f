import { describe, expect, it } from 'vitest';
import type { Objective } from './api';
import { clientErrors, emptyForm, formFromObjective, inputFromForm, parseNumber, patchFromForm } from './form';

const objective: Objective = {
  id: 'obj_1', key: 'OBJ-1', number: 1, title: 'Fair approvals', description: '', annex_c_objective: 'C.2.5', annex_c_title: 'Fairness',
  system_id: null, system_name: null, measure: 'Ratio', unit: '', direction: 'higher_is_better', target_value: 0.9, target_min: null,
  target_max: null, warning_threshold: 0.8, warning_margin: null, frequency: 'monthly', owner: 'Ana', start_date: '2026-01-01',
  due_date: '2026-12-31', status: 'active', plans: [{ action: 'Reweight', resources: '', responsible: 'Team', due_date: null, done: false }],
  risk_refs: ['R-1'], control_refs: [], version: 3, created_at: '', created_by: '', updated_at: '', updated_by: '',
  derived: { status: 'no_data', formula: '', explanation: '', latest_reading: null, next_reading_due: null, reading_overdue: false, days_overdue: 0 },
};

describe('parseNumber', () => {
  it('reads numbers as people type them and refuses the rest', () => {
    expect(parseNumber(' 0.9 ')).toBe(0.9);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('ninety')).toBeNaN();
    expect(parseNumber('1.2.3')).toBeNaN();
  });
});

describe('clientErrors', () => {
  it('names the missing fields and the targets the direction needs', () => {
    const v = emptyForm('2026-05-01');
    expect(Object.keys(clientErrors(v)).sort()).toEqual(['annex_c_objective', 'due_date', 'measure', 'owner', 'target_value', 'title']);
    const range = { ...formFromObjective(objective), direction: 'within_range' as const, target_min: 'x' };
    expect(clientErrors(range)).toEqual({ target_min: 'must be a number', target_max: 'is required for a range' });
  });
});

describe('inputFromForm and patchFromForm', () => {
  it('sends only the targets of the chosen direction, lists from lines, empty plans dropped', () => {
    const v = { ...emptyForm('2026-05-01'), title: ' T ', annex_c_objective: 'C.2.8', measure: 'm', owner: 'o', due_date: '2026-09-01',
      target_value: '5', target_min: '1', risk_refs: 'R-1\n\nR-2\nR-1', plans: [{ action: '', resources: '', responsible: '', due_date: '', done: false }] };
    const input = inputFromForm(v) as Record<string, unknown>;
    expect(input.title).toBe('T');
    expect(input.target_value).toBe(5);
    expect('target_min' in input).toBe(false);
    expect(input.risk_refs).toEqual(['R-1', 'R-2']);
    expect(input.plans).toEqual([]);
    expect(input.system_id).toBeNull();
  });

  it('a form left as loaded changes nothing; edits send only what changed', () => {
    expect(patchFromForm(objective, formFromObjective(objective))).toEqual({});
    const v = { ...formFromObjective(objective), owner: 'Ben', warning_threshold: '' };
    expect(patchFromForm(objective, v)).toEqual({ owner: 'Ben', warning_threshold: null });
    const r = { ...formFromObjective(objective), direction: 'within_range' as const, target_min: '0.8', target_max: '1.2' };
    expect(patchFromForm(objective, r)).toEqual({ direction: 'within_range', target_min: 0.8, target_max: 1.2 });
    const p = formFromObjective(objective);
    p.plans = [...p.plans, { action: 'Audit', resources: '', responsible: '', due_date: '2026-06-01', done: false }];
    expect(patchFromForm(objective, p)).toEqual({ plans: [objective.plans[0], { action: 'Audit', resources: '', responsible: '', due_date: '2026-06-01', done: false }] });
  });
});
