// The obligations board: its filters in the URL, the columns by status, the timeline by
// application date, and the changes an edit sends. Pure functions.
import type { Obligation, ObligationFilters, ObligationPatch, ObligationStatus } from './api';

export const STATUSES: ObligationStatus[] = ['not_started', 'in_progress', 'met', 'not_applicable'];

export const filterKeys = ['system', 'status', 'article', 'role', 'due_before', 'overdue', 'applies_from', 'retired', 'recheck', 'system_class'] as const;

export type BoardView = 'columns' | 'timeline';

export function viewOf(sp: URLSearchParams): BoardView {
  return sp.get('view') === 'timeline' ? 'timeline' : 'columns';
}

/** The API filters in the page URL (unknown values are left for the server to refuse). */
export function filtersOf(sp: URLSearchParams): ObligationFilters {
  const out: Record<string, string> = {};
  for (const k of filterKeys) {
    const v = sp.get(k);
    if (v) out[k] = v;
  }
  return out as ObligationFilters;
}

/** Obligations by status, each column in application-date order (the list's own order). */
export function columns(items: Obligation[]): Record<ObligationStatus, Obligation[]> {
  const out = { not_started: [], in_progress: [], met: [], not_applicable: [] } as Record<ObligationStatus, Obligation[]>;
  for (const o of items) out[o.status].push(o);
  return out;
}

export interface TimelineGroup {
  date: string;
  items: Obligation[];
}

/** Obligations grouped by application date, earliest first. */
export function timeline(items: Obligation[]): TimelineGroup[] {
  const byDate = new Map<string, Obligation[]>();
  for (const o of items) {
    const list = byDate.get(o.applies_from) ?? [];
    list.push(o);
    byDate.set(o.applies_from, list);
  }
  return [...byDate.keys()].sort().map((date) => ({ date, items: byDate.get(date) ?? [] }));
}

export interface ObligationForm {
  status: ObligationStatus;
  reason: string;
  owner: string;
  evidence: string;
  notes: string;
}

export function formOf(o: Obligation): ObligationForm {
  return { status: o.status, reason: o.not_applicable_reason, owner: o.owner, evidence: o.evidence_refs.join('\n'), notes: o.notes };
}

/** The changed fields only (evidence one reference per line). */
export function patchOf(o: Obligation, f: ObligationForm): ObligationPatch {
  const p: ObligationPatch = {};
  if (f.status !== o.status) p.status = f.status;
  if (f.reason.trim() !== o.not_applicable_reason) p.not_applicable_reason = f.reason.trim();
  if (f.owner.trim() !== o.owner) p.owner = f.owner.trim();
  const refs = f.evidence
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
  if (refs.join('\n') !== o.evidence_refs.join('\n')) p.evidence_refs = refs;
  if (f.notes.trim() !== o.notes) p.notes = f.notes.trim();
  return p;
}

/** The client's check before sending: not applicable needs a reason (the server says the same). */
export function formErrors(f: ObligationForm): Partial<Record<keyof ObligationForm, string>> {
  return f.status === 'not_applicable' && !f.reason.trim() ? { reason: 'Say why the obligation does not apply.' } : {};
}

/** "in 12 days", "today", "3 days ago" relative to `today` (both YYYY-MM-DD). */
export function dueIn(due: string, today: string): string {
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return 'today';
  if (days > 0) return days === 1 ? 'tomorrow' : `in ${days} days`;
  return days === -1 ? 'yesterday' : `${-days} days ago`;
}
