// What moved between two assessments, sorted for reading.
import type { AssessmentComparison } from './api';

export type ComparedItem = AssessmentComparison['items'][number];

export interface Movement {
  improved: ComparedItem[];
  declined: ComparedItem[];
  unchanged: ComparedItem[];
  /** In only one of the two, or unanswered in one. */
  other: ComparedItem[];
}

/** Splits the compared items: biggest improvements first, biggest declines first. */
export function movement(items: readonly ComparedItem[]): Movement {
  const out: Movement = { improved: [], declined: [], unchanged: [], other: [] };
  for (const it of items) {
    if (it.delta === null || it.delta === undefined) out.other.push(it);
    else if (it.delta > 0) out.improved.push(it);
    else if (it.delta < 0) out.declined.push(it);
    else out.unchanged.push(it);
  }
  out.improved.sort((a, b) => (b.delta ?? 0) - (a.delta ?? 0));
  out.declined.sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0));
  return out;
}

/** "+1.2", "−0.5", "±0" for a change of a figure. */
export function formatDelta(d: number | null | undefined, digits = 0): string {
  if (d === null || d === undefined) return '—';
  const v = Number(d.toFixed(digits));
  if (v === 0) return '±0';
  return v > 0 ? `+${v.toFixed(digits)}` : `−${Math.abs(v).toFixed(digits)}`;
}
