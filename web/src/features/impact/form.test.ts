import { describe, expect, it } from 'vitest';
import type { ImpactAssessment } from './api';
import { clientErrors, errorsByPath, formFromRecord, newImpact, newParty, pathLabel, patchFromForm, preview, rowHasErrors } from './form';

const record = {
  id: 'ia_1', ref: 'IA-1', system_id: 'sys_1', system: { id: 'sys_1', name: 'CV screener' }, title: 'Impact of CV screener',
  status: 'draft', outcome: 'restricted', summary: { benefits: 0, harms: 1, measures: 1, highest_harm_score: 12 }, fria_required: true,
  reassessment_due: { due: false, reasons: [], next_review_date: null, changed_fields: [] },
  scope: 'Hiring', assessors: ['HR'], next_review_date: null, purpose: 'Ranks CVs', intended_uses: '', unintended_uses: '',
  data_sources: ['CVs'], data_quality: '', model_type: 'LLM', model_information: '', deployment_context: 'HR', processes: '',
  period_and_frequency: '', human_oversight: '', governance_and_complaints: '',
  interested_parties: [{ name: 'Applicants', relation: 'affected', vulnerable: false, notes: '' }],
  impacts: [{ id: 'imp_1', category: 'individual', type: 'harm', affected_party: 'Applicants', description: 'Unfair ranking', severity: 4, likelihood: 3,
    measures: [{ description: 'Bias test', owner: 'HR', status: 'planned' }], score: 12, level: 'restricted' }],
  submitted_at: null, submitted_by: null, approved_version: null, approved_at: null, approved_by: null, version: 3,
  created_at: '', updated_at: '', created_by: '', updated_by: '',
} as unknown as ImpactAssessment;

describe('impact form', () => {
  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    const v = formFromRecord(record);
    expect(patchFromForm(record, v)).toEqual({});
    v.scope = 'Hiring in the EU';
    v.next_review_date = '2027-06-01';
    v.assessors = 'HR\n\n DPO ';
    expect(patchFromForm(record, v)).toEqual({ scope: 'Hiring in the EU', next_review_date: '2027-06-01', assessors: ['HR', 'DPO'] });
  });

  it('sends the whole list of rows with their ids when a row changes or is added', () => {
    const v = formFromRecord(record);
    v.impacts[0].measures.push({ description: 'Human review', owner: '', status: 'implemented' });
    const added = newImpact('benefit');
    Object.assign(added, { category: 'society', affected_party: 'Employers', description: 'Faster', severity: '2', likelihood: '4' });
    v.impacts.push(added);
    const p = patchFromForm(record, v);
    expect(Object.keys(p)).toEqual(['impacts']);
    expect(p.impacts?.[0]).toMatchObject({ id: 'imp_1', severity: 4, likelihood: 3 });
    expect(p.impacts?.[0].measures).toHaveLength(2);
    expect(p.impacts?.[1]).toEqual({ category: 'society', type: 'benefit', affected_party: 'Employers', description: 'Faster', severity: 2, likelihood: 4, measures: [] });
  });

  it('clears the review date with null', () => {
    const withDate = { ...record, next_review_date: '2027-01-01' } as ImpactAssessment;
    const v = formFromRecord(withDate);
    v.next_review_date = '';
    expect(patchFromForm(withDate, v)).toEqual({ next_review_date: null });
  });

  it('finds missing row fields by path before sending', () => {
    const v = formFromRecord(record);
    v.title = ' ';
    v.impacts.push(newImpact('harm'));
    v.interested_parties.push(newParty());
    v.impacts[0].measures.push({ description: '', owner: '', status: 'planned' });
    const e = clientErrors(v);
    expect(Object.keys(e).sort()).toEqual([
      'impacts[0].measures[1].description', 'impacts[1].affected_party', 'impacts[1].category', 'impacts[1].description',
      'impacts[1].likelihood', 'impacts[1].severity', 'interested_parties[1].name', 'title',
    ]);
    expect(rowHasErrors(e, 'impacts[1]')).toBe(true);
    expect(rowHasErrors(e, 'impacts[2]')).toBe(false);
  });

  it('keys server errors by full path and labels them for the summary', () => {
    const e = errorsByPath({ type: 'x', title: 't', status: 422, errors: [
      { field: 'impacts[0].measures', message: 'a restricted harm needs at least one measure' },
      { field: 'note', message: 'a' }, { field: 'note', message: 'b' }, { field: 'name', row: 2, message: 'csv' },
    ] });
    expect(e).toEqual({ 'impacts[0].measures': 'a restricted harm needs at least one measure', note: 'a b' });
    expect(pathLabel('impacts[1].measures[0].owner', {})).toBe('Benefit or harm 2, measure 1: owner');
    expect(pathLabel('interested_parties[0].name', {})).toBe('Interested party 1: name');
    expect(pathLabel('scope', { scope: 'Scope' })).toBe('Scope');
  });

  it('previews score and level as the server derives them', () => {
    const s = { sensitive_score: 6, restricted_score: 12 };
    expect(preview({ type: 'harm', severity: '4', likelihood: '3' }, s)).toEqual({ score: 12, level: 'restricted' });
    expect(preview({ type: 'harm', severity: '3', likelihood: '2' }, s)).toEqual({ score: 6, level: 'sensitive' });
    expect(preview({ type: 'harm', severity: '1', likelihood: '2' }, s)).toEqual({ score: 2, level: 'normal' });
    expect(preview({ type: 'benefit', severity: '4', likelihood: '4' }, s)).toEqual({ score: 16, level: null });
    expect(preview({ type: 'harm', severity: '', likelihood: '2' }, s)).toBeNull();
  });
});
