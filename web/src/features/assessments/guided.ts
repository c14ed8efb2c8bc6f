// The guided mode's pure logic: where to resume, where "Save & next" goes, the form values of an
// answer and the request bodies built from them.
import type { Answer, AnswerInput } from './api';

export type ItemState = 'answered' | 'not_applicable' | 'skipped' | 'unanswered';

export function itemState(a: Pick<Answer, 'answered' | 'not_applicable' | 'skipped'>): ItemState {
  if (a.not_applicable) return 'not_applicable';
  if (a.answered) return 'answered';
  if (a.skipped) return 'skipped';
  return 'unanswered';
}

export const itemStateLabels: Record<ItemState, string> = {
  answered: 'Answered',
  not_applicable: 'Not applicable',
  skipped: 'Skipped',
  unanswered: 'Not answered yet',
};

type Slim = Pick<Answer, 'item_id' | 'answered' | 'not_applicable' | 'skipped'>;

function open(a: Slim): boolean {
  return !a.answered && !a.not_applicable;
}

/**
 * Where to resume: the first item never touched, else the first skipped one, else (everything
 * answered) the first item. Null for an empty list.
 */
export function resumeItem(items: readonly Slim[]): string | null {
  if (!items.length) return null;
  const fresh = items.find((a) => open(a) && !a.skipped);
  if (fresh) return fresh.item_id;
  const skipped = items.find((a) => open(a));
  return (skipped ?? items[0]).item_id;
}

/**
 * Where "Save & next" (and Skip) go after `current`: the next item after it, in document order,
 * that still needs an answer, wrapping around to the start; null once nothing is left open.
 */
export function nextOpenItem(items: readonly Slim[], current: string): string | null {
  const i = items.findIndex((a) => a.item_id === current);
  for (let k = 1; k <= items.length; k++) {
    const a = items[(Math.max(i, 0) + k) % items.length];
    if (a.item_id !== current && open(a)) return a.item_id;
  }
  return null;
}

/** The item before `current` in document order, or null at the first. */
export function previousItem(items: readonly Slim[], current: string): string | null {
  const i = items.findIndex((a) => a.item_id === current);
  return i > 0 ? items[i - 1].item_id : null;
}

/** "4".."10" for clause items, "A.2".."A.10" for Annex A controls: the group results report. */
export function groupOf(itemId: string): string {
  if (itemId.startsWith('A.')) {
    const second = itemId.indexOf('.', 2);
    return second < 0 ? itemId : itemId.slice(0, second);
  }
  const dot = itemId.indexOf('.');
  return dot < 0 ? itemId : itemId.slice(0, dot);
}

/** Consecutive items of the same group, in their order. */
export function groupItems<T extends { item_id: string }>(items: readonly T[]): { group: string; items: T[] }[] {
  const out: { group: string; items: T[] }[] = [];
  for (const it of items) {
    const g = groupOf(it.item_id);
    const last = out[out.length - 1];
    if (last && last.group === g) last.items.push(it);
    else out.push({ group: g, items: [it] });
  }
  return out;
}

export interface AnswerForm {
  maturity: number | null;
  notApplicable: boolean;
  justification: string;
  notes: string;
  owner: string;
}

export function formFromAnswer(a: Answer): AnswerForm {
  return {
    maturity: a.not_applicable ? null : a.maturity,
    notApplicable: a.not_applicable,
    justification: a.justification ?? '',
    notes: a.notes ?? '',
    owner: a.owner ?? '',
  };
}

export function sameForm(a: AnswerForm, b: AnswerForm): boolean {
  return (
    a.maturity === b.maturity &&
    a.notApplicable === b.notApplicable &&
    a.justification.trim() === b.justification.trim() &&
    a.notes.trim() === b.notes.trim() &&
    a.owner.trim() === b.owner.trim()
  );
}

/** What the form lacks before it can be saved as an answer (the server checks the same). */
export function answerErrors(f: AnswerForm, kind: Answer['kind']): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.notApplicable) {
    if (kind !== 'control') errors.not_applicable = 'Only Annex A controls can be not applicable.';
    if (!f.justification.trim()) errors.justification = 'Say why this control does not apply.';
  } else if (f.maturity === null) {
    errors.maturity = 'Pick a maturity level, or skip the item to come back to it later.';
  }
  return errors;
}

/** The PUT body that saves the form as an answer. */
export function answerInput(f: AnswerForm): AnswerInput {
  // Evidence is linked from the vault (the evidence panel), not sent with the answer.
  const common = { notes: f.notes.trim(), owner: f.owner.trim(), skipped: false };
  if (f.notApplicable) return { ...common, maturity: null, not_applicable: true, justification: f.justification.trim() };
  return { ...common, maturity: f.maturity, not_applicable: false, justification: '' };
}

/** The PUT body that skips the item, keeping what was written so far. */
export function skipInput(f: AnswerForm): AnswerInput {
  return { notes: f.notes.trim(), owner: f.owner.trim(), skipped: true, maturity: null, not_applicable: false };
}

/** Copies a saved answer into the list, recounting `answered`. */
export function replaceAnswer<T extends { items: Answer[]; answered: number; total: number }>(list: T, saved: Answer): T {
  const items = list.items.map((a) => (a.item_id === saved.item_id ? { ...a, ...saved } : a));
  return { ...list, items, answered: items.filter((a) => a.answered || a.not_applicable).length };
}
