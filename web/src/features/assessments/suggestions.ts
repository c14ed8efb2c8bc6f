// Keyboard-first answering and suggested levels: the suggestions call, and the pure mapping from
// a key press to what the guided page does with it (one table, shown as the key legend).
import { api, type Schemas } from '../../lib/api';

export type Suggestion = Schemas['Suggestion'];
export type AssessmentSuggestions = Schemas['AssessmentSuggestions'];

/** The suggested levels of an assessment's items, with the records they rest on (stores nothing). */
export async function getSuggestions(id: string, signal?: AbortSignal): Promise<AssessmentSuggestions> {
  const { data } = await api('get', '/api/v1/assessments/{id}/suggestions', { path: { id }, signal });
  return data;
}

export type KeyAction =
  | { kind: 'level'; level: number }
  | { kind: 'not_applicable' }
  | { kind: 'skip' }
  | { kind: 'save' }
  | { kind: 'accept' }
  | { kind: 'guidance' }
  | { kind: 'leave_field' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/** The keys, as the legend shows them and `aria-keyshortcuts` names them. */
export const keyLegend: readonly { keys: string; does: string }[] = [
  { keys: '0–5', does: 'pick the level' },
  { keys: 'A', does: 'accept the suggestion' },
  { keys: 'N', does: 'not applicable' },
  { keys: 'S', does: 'skip' },
  { keys: 'Enter', does: 'save & next' },
  { keys: 'G', does: 'guidance' },
  { keys: 'Ctrl+Enter', does: 'save from a text field' },
  { keys: 'Esc', does: 'leave a text field' },
];

/**
 * What a key press does on the guided page. In a text field only Ctrl+Enter (or Cmd+Enter) saves
 * and Esc leaves the field; everything else is typing. Elsewhere digits 0–5, a, n, s, g and Enter
 * act; with Ctrl, Alt or Cmd held nothing does (those are the browser's).
 */
export function keyAction(e: KeyPress, inTextField: boolean): KeyAction | null {
  if (inTextField) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return { kind: 'save' };
    if (e.key === 'Escape') return { kind: 'leave_field' };
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (/^[0-5]$/.test(e.key)) return { kind: 'level', level: Number(e.key) };
  switch (e.key.toLowerCase()) {
    case 'a':
      return { kind: 'accept' };
    case 'n':
      return { kind: 'not_applicable' };
    case 's':
      return { kind: 'skip' };
    case 'g':
      return { kind: 'guidance' };
    case 'enter':
      return e.shiftKey ? null : { kind: 'save' };
    default:
      return null;
  }
}

/** Whether key presses on this element are typing (text inputs, text areas, selects, editable content). */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
  return (el as HTMLElement).isContentEditable === true;
}
