import { describe, expect, it } from 'vitest';
import type { AiSystem } from './api';
import { clientErrors, emptyForm, formFromSystem, inputFromForm, parseLines, patchFromForm } from './form';
import { scopeText } from './components/ScopeOf';

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
  scope: { placement: 'in', reason: '', scope_version: 2, scope_status: 'approved' },
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
  it('never sends scope membership: the scope record sets it, the server refuses in_scope', () => {
    const v = { ...formFromSystem(stored), owner: 'Model risk' };
    expect(patchFromForm({ ...stored, scope: { ...stored.scope, placement: 'out', reason: 'x' } }, v)).toEqual({ owner: 'Model risk' });
    const created = inputFromForm({ ...v, name: 'x', purpose: 'y' });
    expect(created).not.toHaveProperty('scope');
    expect(created).not.toHaveProperty('in_scope');
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

describe('scopeText', () => {
  it('says in, out with the reason, or not placed', () => {
    expect(scopeText(stored.scope)).toBe('In the AIMS scope');
    expect(scopeText({ placement: 'out', reason: 'Run by a partner' })).toBe('Out of the AIMS scope: Run by a partner');
    expect(scopeText({ placement: 'unplaced', reason: '' }, true)).toBe('Not placed');
    expect(scopeText(undefined)).toMatch(/scope drift/);
  });
});
