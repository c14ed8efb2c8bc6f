import { describe, expect, it } from 'vitest';
import {
  createBody,
  defaultSort,
  emptyForm,
  fieldError,
  filterOptions,
  formErrors,
  formFromRecord,
  isCalendarDate,
  listColumns,
  listFilterKeys,
  listQuery,
  matchNames,
  patchBody,
  recordTitle,
  refName,
  refTargets,
  showValue,
} from './kindModel';
import type { KindField, KindRecord, KindSchema } from './kinds';
import { formatDateTime } from '../../lib/labels';

const kind: KindSchema = {
  kind: 'context_issue',
  path: 'context-issues',
  cli: 'context-issue',
  noun: 'context issue',
  title: 'Context issue',
  plural: 'Context issues',
  prefix: 'CI-',
  clause: '4.1',
  can_write: true,
  fields: [
    { name: 'title', label: 'Title', type: 'text', required: true, max_length: 10, column: true },
    { name: 'description', label: 'Description', type: 'long_text', max_length: 4000 },
    {
      name: 'category',
      label: 'Category',
      type: 'enum',
      required: true,
      column: true,
      values: [
        { value: 'legal', label: 'Legal and regulatory' },
        { value: 'market', label: 'Market and economic' },
      ],
    },
    { name: 'review_date', label: 'Next review', type: 'date', column: true },
    { name: 'priority', label: 'Priority', type: 'integer', min: 1, max: 5 },
    { name: 'active', label: 'Active', type: 'boolean', default: true },
    { name: 'system_id', label: 'AI system', type: 'ref', ref: 'system' },
    { name: 'system_ids', label: 'AI systems', type: 'refs', ref: 'system', max_items: 2 },
  ],
  filters: [
    { name: 'category', label: 'Category', values: [{ value: 'legal', label: 'Legal and regulatory' }] },
    { name: 'owner', label: 'Owner' },
    { name: 'system_ids', label: 'AI system' },
  ],
  sorts: [
    { name: 'number', label: 'Number' },
    { name: 'title', label: 'Title' },
    { name: 'review_date', label: 'Next review' },
  ],
  text_search: true,
};

const field = (name: string): KindField => kind.fields.find((f) => f.name === name) as KindField;
const systems = new Map([['system', new Map([['sys_1', 'Chat assistant']])]]);

const record: KindRecord = {
  id: 'ci_1',
  number: 'CI-1',
  version: 3,
  archived: false,
  created_at: '2026-01-01T00:00:00Z',
  created_by: 'a@example.org',
  updated_at: '2026-01-02T00:00:00Z',
  updated_by: 'a@example.org',
  title: 'New law',
  category: 'legal',
  review_date: '2026-06-30',
  priority: 2,
  active: true,
  system_ids: ['sys_1'],
};

describe('the list of a kind', () => {
  it('shows the number and the column fields, sortable where the kind sorts by them', () => {
    expect(listColumns(kind).map((c) => [c.key, c.label, c.sort])).toEqual([
      ['number', 'Number', 'number'],
      ['title', 'Title', 'title'],
      ['category', 'Category', undefined],
      ['review_date', 'Next review', 'review_date'],
    ]);
    expect(defaultSort(kind)).toBe('number');
    expect(defaultSort({ ...kind, sorts: [{ name: 'title', label: 'Title' }] })).toBe('title');
  });

  it('keeps the search, each filter, archived and the sort in the URL', () => {
    expect(listFilterKeys(kind)).toEqual(['q', 'category', 'owner', 'system_ids', 'archived', 'sort']);
    expect(listFilterKeys({ ...kind, text_search: false })[0]).toBe('category');
  });

  it('sends only set filters, and archived only when archived records are asked for', () => {
    expect(listQuery({ q: 'law', category: '', archived: 'false', sort: '-title' }, 'c1', 25)).toEqual({ q: 'law', sort: '-title', cursor: 'c1', limit: 25 });
    expect(listQuery({ archived: 'all' }, undefined, 25)).toEqual({ archived: 'all', cursor: undefined, limit: 25 });
  });

  it('offers a filter’s values, the AI systems for a system field, and a text box otherwise', () => {
    expect(filterOptions(kind, kind.filters[0], systems)).toEqual([['legal', 'Legal and regulatory']]);
    expect(filterOptions(kind, kind.filters[1], systems)).toBeUndefined();
    expect(filterOptions(kind, kind.filters[2], systems)).toEqual([['sys_1', 'Chat assistant']]);
  });
});

describe('a field value in words', () => {
  it('names enum values, AI systems, flags and empty values', () => {
    expect(showValue(field('category'), 'legal')).toBe('Legal and regulatory');
    expect(showValue(field('category'), 'gone')).toBe('gone');
    expect(showValue(field('system_ids'), ['sys_1', 'sys_9'], systems)).toBe('Chat assistant, sys_9');
    expect(showValue(field('system_id'), 'sys_1', systems)).toBe('Chat assistant');
    expect(showValue(field('active'), false)).toBe('No');
    expect(showValue(undefined, true)).toBe('Yes');
    expect(showValue(field('priority'), 3)).toBe('3');
    expect(showValue(field('review_date'), null)).toBe('—');
    expect(showValue(field('system_ids'), [])).toBe('—');
    expect(showValue(field('review_date'), '2026-06-30')).toContain('2026');
  });

  it('shows a date-time text field in the reader\'s time, like every other date-time of the UI', () => {
    const at: KindField = { name: 'occurred_at', label: 'Occurred at', type: 'text', format: 'date-time' };
    expect(showValue(at, '2026-12-01T08:30:00Z')).toBe(formatDateTime('2026-12-01T08:30:00Z'));
    expect(showValue(at, '2026-12-01T08:30:00Z')).not.toContain('T08');
    expect(showValue(at, 'not a time')).toBe('not a time');
    expect(showValue({ ...at, format: undefined }, '2026-12-01T08:30:00Z')).toBe('2026-12-01T08:30:00Z');
  });

  it('names a record by its number and first text column', () => {
    expect(recordTitle(kind, record)).toBe('CI-1 New law');
    expect(recordTitle(kind, { ...record, title: undefined })).toBe('CI-1');
  });
});

describe('the form of a kind', () => {
  it('starts from the defaults and from a stored record', () => {
    expect(emptyForm(kind)).toEqual({
      title: '',
      description: '',
      category: '',
      review_date: '',
      priority: '',
      active: true,
      system_id: '',
      system_ids: [],
    });
    expect(formFromRecord(kind, record)).toMatchObject({ title: 'New law', priority: '2', active: true, description: '', system_ids: ['sys_1'] });
  });

  it('checks what the server checks', () => {
    expect(formErrors(kind, emptyForm(kind))).toEqual({ title: 'This field is required.', category: 'This field is required.' });
    expect(fieldError(field('title'), 'x'.repeat(11))).toMatch(/at most 10 characters/);
    expect(fieldError(field('title'), 'x'.repeat(10))).toBeUndefined();
    expect(fieldError(field('category'), 'other')).toMatch(/listed values/);
    expect(fieldError(field('review_date'), '2026-02-30')).toMatch(/real date/);
    expect(fieldError(field('review_date'), '2028-02-29')).toBeUndefined();
    expect(fieldError(field('priority'), '0')).toMatch(/from 1 to 5/);
    expect(fieldError(field('priority'), '6')).toMatch(/up to 5/);
    expect(fieldError(field('priority'), '2.5')).toMatch(/whole number/);
    expect(fieldError(field('priority'), '5')).toBeUndefined();
    expect(fieldError(field('system_ids'), ['a', 'b', 'c'])).toMatch(/at most 2/);
    expect(fieldError({ ...field('system_ids'), required: true }, [])).toMatch(/at least one/);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });

  it('creates with the filled fields only, typed as the API takes them', () => {
    const v = { ...emptyForm(kind), title: ' Law ', category: 'legal', priority: '4', system_ids: ['sys_1'] };
    expect(createBody(kind, v)).toEqual({ title: 'Law', category: 'legal', priority: 4, active: true, system_ids: ['sys_1'] });
  });

  it('patches only what changed, an emptied field as null', () => {
    const v = formFromRecord(kind, record);
    expect(patchBody(kind, record, v)).toEqual({});
    expect(patchBody(kind, record, { ...v, title: 'Old law', review_date: '', priority: '5', active: false, system_ids: [] })).toEqual({
      title: 'Old law',
      review_date: null,
      priority: 5,
      active: false,
      system_ids: [],
    });
  });
});

describe('references to members, controls and records of other kinds', () => {
  const requirement: KindSchema = {
    ...kind,
    kind: 'party_requirement',
    path: 'party-requirements',
    fields: [
      { name: 'requirement', label: 'Requirement', type: 'text', required: true, column: true },
      { name: 'party_id', label: 'Interested party', type: 'ref', ref: 'interested_party', required: true, column: true },
      { name: 'owner_id', label: 'Owner', type: 'ref', ref: 'user', column: true },
      { name: 'control_ids', label: 'Annex A controls', type: 'refs', ref: 'control', max_items: 50 },
      { name: 'more_controls', label: 'More controls', type: 'refs', ref: 'control' },
    ],
    filters: [
      { name: 'party_id', label: 'Interested party' },
      { name: 'owner_id', label: 'Owner' },
    ],
  };
  const f = (name: string) => requirement.fields.find((x) => x.name === name) as KindField;
  const names = new Map([
    ['interested_party', new Map([['IP-1', 'IP-1 Loan applicants']])],
    ['user', new Map([['usr_a', 'Ada Admin'], ['usr_b', 'Bo Manager']])],
    ['control', new Map([['A.5.2', 'A.5.2 AI system impact assessment process'], ['A.9.2', 'A.9.2 Processes for responsible use of AI systems']])],
  ]);

  it('knows each target once, in field order', () => {
    expect(refTargets(requirement)).toEqual(['interested_party', 'user', 'control']);
    expect(refTargets(kind)).toEqual(['system']);
  });

  it('shows names, not ids, and the id of what is not known', () => {
    expect(showValue(f('party_id'), 'IP-1', names)).toBe('IP-1 Loan applicants');
    expect(showValue(f('owner_id'), 'usr_b', names)).toBe('Bo Manager');
    expect(showValue(f('control_ids'), ['A.9.2', 'A.5.2'], names)).toBe('A.9.2 Processes for responsible use of AI systems, A.5.2 AI system impact assessment process');
    expect(showValue(f('control_ids'), ['A.99'], names)).toBe('A.99');
    expect(refName(names, 'user', 'usr_gone')).toBe('usr_gone');
    expect(refName(names, undefined, 'x')).toBe('x');
  });

  it('offers the members and the parties in the filters', () => {
    expect(filterOptions(requirement, requirement.filters[0], names)).toEqual([['IP-1', 'IP-1 Loan applicants']]);
    expect(filterOptions(requirement, requirement.filters[1], names)).toEqual([['usr_a', 'Ada Admin'], ['usr_b', 'Bo Manager']]);
    expect(filterOptions(requirement, requirement.filters[1], new Map())).toBeUndefined();
  });

  it('finds controls by id or words of the title, without case', () => {
    expect(matchNames(names.get('control'), 'a.9').map(([id]) => id)).toEqual(['A.9.2']);
    expect(matchNames(names.get('control'), ' IMPACT ').map(([id]) => id)).toEqual(['A.5.2']);
    expect(matchNames(names.get('control'), 'a.', 1)).toHaveLength(1);
    expect(matchNames(undefined, 'a')).toEqual([]);
  });

  it('sends picked references as ids: a list for refs, the one id for a ref', () => {
    const values = { ...emptyForm(requirement), requirement: 'Review refusals', party_id: 'IP-1', control_ids: ['A.5.2', 'A.9.2'] };
    expect(createBody(requirement, values)).toEqual({ requirement: 'Review refusals', party_id: 'IP-1', control_ids: ['A.5.2', 'A.9.2'] });
    expect(formErrors(requirement, { ...values, party_id: '' })).toEqual({ party_id: 'This field is required.' });
  });
});
