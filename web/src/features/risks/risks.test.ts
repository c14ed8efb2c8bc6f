import { describe, expect, test } from 'vitest';
import type { Risk, RiskCriteria } from './api';
import {
  cellParams,
  criteriaInput,
  emptyRiskForm,
  formFromRisk,
  inputFromForm,
  levelOf,
  nextLevel,
  nonMonotonicCells,
  patchFromForm,
  resize,
  riskFormErrors,
  selectedCell,
  textOn,
  toggleSort,
} from './risks';

const levels = [
  { id: 'low', name: 'Low', colour: '#2e7d32' },
  { id: 'medium', name: 'Medium', colour: '#f2b705' },
  { id: 'high', name: 'High', colour: '#e8710a' },
];
const criteria: RiskCriteria = {
  likelihood: [{ label: 'Rare' }, { label: 'Possible' }, { label: 'Likely' }],
  impact: [{ label: 'Minor' }, { label: 'Major' }, { label: 'Severe' }],
  levels,
  matrix: [
    ['low', 'low', 'medium'],
    ['low', 'medium', 'high'],
    ['medium', 'high', 'high'],
  ],
  acceptance_threshold: 'medium',
  accept_roles: ['admin', 'manager'],
  version: 2,
  updated_at: '2026-03-01T10:00:00.000Z',
  updated_by: 'a@x.test',
};

const risk = {
  id: 'R-3',
  number: 3,
  title: 'Bias',
  description: '',
  system_id: 'sys_1',
  system_name: 'Scoring',
  risk_sources: ['C.3.4'],
  objectives: [],
  inherent_likelihood: 3,
  inherent_impact: 3,
  existing_controls: ['Review'],
  treatment: 'modify',
  treatment_plan: '',
  planned_controls: ['A.7.4', 'Own check'],
  residual_likelihood: 2,
  residual_impact: 3,
  residual_rationale: '',
  owner: 'Risk',
  due_date: null,
  review_date: '2026-06-01',
  status: 'treating',
} as unknown as Risk;

describe('the risk form', () => {
  test('round-trips a risk and sends only what changed', () => {
    const v = formFromRisk(risk);
    expect(v.planned_controls).toBe('A.7.4\nOwn check');
    expect(patchFromForm(risk, v)).toEqual({});
    const changed = { ...v, owner: 'Risk office', system_id: '', due_date: '2026-05-01', planned_controls: 'A.7.4\n\n  A.6.2.4 ' };
    expect(patchFromForm(risk, changed)).toEqual({
      system_id: null,
      planned_controls: ['A.7.4', 'A.6.2.4'],
      owner: 'Risk office',
      due_date: '2026-05-01',
    });
  });

  test('a new risk leaves empty residual values to the server', () => {
    const body = inputFromForm({ ...emptyRiskForm(), title: ' X ', inherent_likelihood: '2', inherent_impact: '3' });
    expect(body.title).toBe('X');
    expect(body.inherent_likelihood).toBe(2);
    expect('residual_likelihood' in body).toBe(false);
    expect(body.treatment).toBeNull();
    expect(body.system_id).toBeNull();
  });

  test("client checks mirror the server's rules", () => {
    expect(riskFormErrors(emptyRiskForm())).toEqual({ title: 'is required', inherent_likelihood: 'is required', inherent_impact: 'is required' });
    const base = { ...emptyRiskForm(), title: 'X', inherent_likelihood: '2', inherent_impact: '2' };
    expect(riskFormErrors(base)).toEqual({});
    expect(Object.keys(riskFormErrors({ ...base, residual_likelihood: '3' }))).toEqual(['residual_likelihood']);
    expect(riskFormErrors({ ...base, residual_likelihood: '3', residual_rationale: 'New exposure' })).toEqual({});
    expect(Object.keys(riskFormErrors({ ...base, status: 'treating' }))).toEqual(['treatment']);
    expect(Object.keys(riskFormErrors({ ...base, planned_controls: 'A.6.x' }))).toEqual(['planned_controls']);
    expect(riskFormErrors({ ...base, planned_controls: 'A.6.2.4\nAnnual audit' })).toEqual({});
  });
});

describe('levels and the heat map', () => {
  test('levelOf reads the matrix by likelihood and impact', () => {
    expect(levelOf(criteria, 1, 3)?.id).toBe('medium');
    expect(levelOf(criteria, 3, 2)?.id).toBe('high');
    expect(levelOf(criteria, 4, 1)).toBeUndefined();
  });

  test('text on a level colour stays readable', () => {
    expect(textOn('#f2b705')).toBe('#000000');
    expect(textOn('#2e7d32')).toBe('#ffffff');
    expect(textOn('#c62828')).toBe('#ffffff');
    expect(textOn('#e8710a')).toBe('#000000');
  });

  test('a cell becomes register filters and is read back', () => {
    const p = cellParams(new URLSearchParams('status=open&inherent_likelihood=1&inherent_impact=1'), 'residual', 3, 2);
    expect(p.toString()).toBe('status=open&residual_likelihood=3&residual_impact=2');
    expect(selectedCell(p)).toEqual({ which: 'residual', likelihood: 3, impact: 2 });
    expect(selectedCell(new URLSearchParams('status=open'))).toBeUndefined();
    expect(toggleSort('title', 'title')).toBe('-title');
    expect(toggleSort('-title', 'title')).toBe('title');
  });
});

describe('the criteria editor', () => {
  test('resizing keeps labels and fills new cells from their neighbours', () => {
    const input = criteriaInput(criteria);
    expect('version' in input).toBe(false);
    const big = resize(input, 4, 3);
    expect(big.likelihood.map((s) => s.label)).toEqual(['Rare', 'Possible', 'Likely', 'Step 4']);
    expect(big.matrix[3]).toEqual(['medium', 'high', 'high']);
    expect(nonMonotonicCells(big).size).toBe(0);
    const smaller = resize(input, 3, 2);
    expect(smaller.matrix).toEqual([['low', 'low'], ['low', 'medium'], ['medium', 'high']]);
  });

  test('clicking cycles levels; cells below a neighbour are flagged', () => {
    expect(nextLevel(levels, 'low')).toBe('medium');
    expect(nextLevel(levels, 'high')).toBe('low');
    const c = criteriaInput(criteria);
    c.matrix[2][2] = 'low';
    expect([...nonMonotonicCells(c)]).toEqual(['3,3']);
  });
});
