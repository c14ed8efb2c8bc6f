import { describe, expect, it } from 'vitest';
import type { Answer } from './api';
import { answerErrors, answerInput, formFromAnswer, groupItems, groupOf, itemState, nextOpenItem, previousItem, replaceAnswer, resumeItem, sameForm, skipInput } from './guided';

function ans(item_id: string, over: Partial<Answer> = {}): Answer {
  return {
    item_id,
    kind: item_id.startsWith('A.') ? 'control' : 'clause',
    title: `Item ${item_id}`,
    parent: null,
    answered: false,
    maturity: null,
    not_applicable: false,
    justification: '',
    notes: '',
    evidence: [],
    owner: '',
    skipped: false,
    version: 0,
    ...over,
  };
}

const done = { answered: true, maturity: 3, version: 1 };

describe('guided mode navigation', () => {
  it('names the state of an item', () => {
    expect(itemState(ans('4.1'))).toBe('unanswered');
    expect(itemState(ans('4.1', done))).toBe('answered');
    expect(itemState(ans('4.1', { skipped: true }))).toBe('skipped');
    expect(itemState(ans('A.2.2', { not_applicable: true, answered: true }))).toBe('not_applicable');
  });

  it('resumes at the first untouched item, then at the first skipped one', () => {
    expect(resumeItem([])).toBeNull();
    expect(resumeItem([ans('4.1', done), ans('4.2', { skipped: true }), ans('4.3')])).toBe('4.3');
    expect(resumeItem([ans('4.1', done), ans('4.2', { skipped: true }), ans('4.3', done)])).toBe('4.2');
    expect(resumeItem([ans('4.1', done), ans('A.2.2', { not_applicable: true })])).toBe('4.1');
  });

  it('goes on to the next open item, wrapping round to skipped ones', () => {
    const items = [ans('4.1', done), ans('4.2', { skipped: true }), ans('4.3', done), ans('4.4')];
    expect(nextOpenItem(items, '4.1')).toBe('4.2');
    expect(nextOpenItem(items, '4.2')).toBe('4.4');
    expect(nextOpenItem(items, '4.4')).toBe('4.2');
    expect(nextOpenItem([ans('4.1', done), ans('4.2')], '4.2')).toBeNull();
  });

  it('knows the previous item', () => {
    const items = [ans('4.1'), ans('4.2')];
    expect(previousItem(items, '4.2')).toBe('4.1');
    expect(previousItem(items, '4.1')).toBeNull();
  });

  it('groups by top clause and Annex A area', () => {
    expect(groupOf('6.1.2')).toBe('6');
    expect(groupOf('10')).toBe('10');
    expect(groupOf('A.6.2.4')).toBe('A.6');
    expect(groupOf('A.10.3')).toBe('A.10');
    const g = groupItems([ans('4.1'), ans('4.2'), ans('5.1'), ans('A.2.2'), ans('A.10.2')]);
    expect(g.map((x) => [x.group, x.items.length])).toEqual([
      ['4', 2],
      ['5', 1],
      ['A.2', 1],
      ['A.10', 1],
    ]);
  });
});

describe('answer form', () => {
  it('requires a level, or a justification for not applicable', () => {
    const f = formFromAnswer(ans('A.2.2'));
    expect(answerErrors(f, 'control')).toHaveProperty('maturity');
    expect(answerErrors({ ...f, maturity: 0 }, 'control')).toEqual({});
    expect(answerErrors({ ...f, notApplicable: true }, 'control')).toHaveProperty('justification');
    expect(answerErrors({ ...f, notApplicable: true, justification: 'No suppliers' }, 'control')).toEqual({});
    expect(answerErrors({ ...f, notApplicable: true, justification: 'x' }, 'clause')).toHaveProperty('not_applicable');
  });

  it('builds the PUT bodies', () => {
    const f = { ...formFromAnswer(ans('4.1')), maturity: 2, owner: ' CISO ' };
    // Evidence is linked from the vault, never sent with the answer.
    expect(answerInput(f)).toEqual({ maturity: 2, not_applicable: false, justification: '', notes: '', owner: 'CISO', skipped: false });
    expect(answerInput({ ...f, notApplicable: true, justification: ' none ' })).toMatchObject({ maturity: null, not_applicable: true, justification: 'none' });
    expect(skipInput(f)).toEqual({ skipped: true, maturity: null, not_applicable: false, notes: '', owner: 'CISO' });
  });

  it('reads a stored answer back and notices changes', () => {
    const stored = ans('A.3.2', { ...done, notes: 'ok' });
    const f = formFromAnswer(stored);
    expect(f).toMatchObject({ maturity: 3, notes: 'ok' });
    expect(sameForm(f, { ...f, notes: 'ok\n' })).toBe(true);
    expect(sameForm(f, { ...f, maturity: 4 })).toBe(false);
  });

  it('replaces a saved answer and recounts', () => {
    const list = { items: [ans('4.1'), ans('4.2')], answered: 0, total: 2 };
    const next = replaceAnswer(list, ans('4.2', done));
    expect(next.answered).toBe(1);
    expect(next.items[1].maturity).toBe(3);
    expect(list.items[1].maturity).toBeNull();
  });
});
