import { describe, expect, it } from 'vitest';
import type { AiSystem } from './api';
import { clientErrors, emptyForm, formFromSystem, inputFromForm, parseLines, patchFromForm } from './form';

const stored: AiSystem = {
  id: 'sys_1',
  name: 'Credit scoring',
  purpose: 'Score loan applications',
  intended_use: '',
  foreseeable_misuse: '',
  owner: 'Risk team',
  organization_role: 'provider',
  lifecycle_stage: 'deployment',
  model_type: 'GBM',
  data_sources: ['Core banking', 'Bureau'],
  third_party_components: [],
  suppliers: [],
  deployment_context: '',
  affected_people: ['Applicants'],
  human_oversight: 'human_in_the_loop',
  human_oversight_notes: '',
  eu_ai_act_class: 'high_risk',
  eu_ai_act_basis: 'Annex III 5(b)',
  eu_ai_act_rationale: '',
  gpai: false,
  status: 'active',
  in_scope: true,
  tags: ['credit'],
  archived: false,
  version: 3,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-02T00:00:00Z',
  created_by: 'a@x.test',
  updated_by: 'a@x.test',
};

describe('parseLines', () => {
  it('trims and drops blank lines', () => {
    expect(parseLines(' a \r\n\n b\n   \n')).toEqual(['a', 'b']);
    expect(parseLines('')).toEqual([]);
  });
});

describe('inputFromForm', () => {
  it('sends name, purpose, flags and only filled fields', () => {
    const v = { ...emptyForm(), name: ' Chatbot ', purpose: 'Answer questions', data_sources: 'FAQ\n\nTickets', lifecycle_stage: 'inception' };
    expect(inputFromForm(v)).toEqual({
      name: 'Chatbot',
      purpose: 'Answer questions',
      data_sources: ['FAQ', 'Tickets'],
      lifecycle_stage: 'inception',
      gpai: false,
    });
  });
});

describe('patchFromForm', () => {
  it('is empty when nothing changed', () => {
    expect(patchFromForm(stored, formFromSystem(stored))).toEqual({});
  });
  it('carries only the changed fields', () => {
    const v = { ...formFromSystem(stored), owner: 'Model risk', data_sources: 'Core banking', gpai: true, eu_ai_act_rationale: '  ' };
    expect(patchFromForm(stored, v)).toEqual({ owner: 'Model risk', data_sources: ['Core banking'], gpai: true });
  });
  it('never sends the fields the EU AI Act classification sets, even when changed', () => {
    const v = { ...formFromSystem(stored), eu_ai_act_class: 'minimal', eu_ai_act_basis: 'Mine', owner: 'Model risk' };
    expect(patchFromForm(stored, v)).toEqual({ owner: 'Model risk' });
    expect(inputFromForm({ ...v, name: 'x', purpose: 'y' })).not.toHaveProperty('eu_ai_act_class');
  });
  it('round-trips list fields as lines', () => {
    expect(formFromSystem(stored).data_sources).toBe('Core banking\nBureau');
  });
});

describe('clientErrors', () => {
  it('requires name and purpose', () => {
    expect(Object.keys(clientErrors(emptyForm())).sort()).toEqual(['name', 'purpose']);
    expect(clientErrors({ ...emptyForm(), name: 'x', purpose: 'y' })).toEqual({});
  });
});
