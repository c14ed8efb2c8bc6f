// The SoA page's pure logic: filters, grouping by area, the editor's values and PATCH bodies, and
// how diff values read.
import { parseLines } from '../systems';
import type { SoaEntry, SoaEntryPatch } from './api';
import { implementationLabels, reasonLabels, type ImplementationStatus, type SoaReason } from './labels';

export interface SoaFilters {
  area?: string;
  /** 'yes' or 'no'. */
  applicable?: string;
  status?: string;
  q?: string;
}

export const soaFilterKeys = ['area', 'applicable', 'status', 'q'] as const;

export function matches(e: SoaEntry, f: SoaFilters): boolean {
  if (f.area && e.area_id !== f.area) return false;
  if (f.applicable === 'yes' && !e.applicable) return false;
  if (f.applicable === 'no' && e.applicable) return false;
  if (f.status && (e.implementation_status !== f.status || !e.applicable)) return false;
  const q = f.q?.trim().toLowerCase();
  if (q) {
    const hay = [e.control_id, e.title, e.justification, e.owner, ...e.evidence_refs, ...e.policy_refs, ...(e.linked_risks ?? [])].join('\n').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** Numeric order of dotted ids: A.2 < A.6.2.10 < A.10. */
export function compareIds(a: string, b: string): number {
  const pa = a.replace(/^A\./, '').split('.').map(Number);
  const pb = b.replace(/^A\./, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** Entries grouped by Annex A area, areas and controls in document order. */
export function byArea<T extends { area_id: string; control_id: string }>(entries: readonly T[]): { area: string; entries: T[] }[] {
  const map = new Map<string, T[]>();
  for (const e of entries) {
    const list = map.get(e.area_id) ?? [];
    list.push(e);
    map.set(e.area_id, list);
  }
  return [...map.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([area, list]) => ({ area, entries: list.slice().sort((x, y) => compareIds(x.control_id, y.control_id)) }));
}

export interface EntryForm {
  applicable: boolean;
  justification: string;
  reasons: SoaReason[];
  implementation_status: ImplementationStatus;
  owner: string;
  policy_refs: string;
  notes: string;
}

export function formFromEntry(e: SoaEntry): EntryForm {
  return {
    applicable: e.applicable,
    justification: e.justification,
    reasons: e.reasons.slice(),
    implementation_status: e.implementation_status,
    owner: e.owner,
    policy_refs: e.policy_refs.join('\n'),
    notes: e.notes ?? '',
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The PATCH body with only what differs from the stored entry. */
export function entryPatch(stored: SoaEntry, f: EntryForm): SoaEntryPatch {
  const out: SoaEntryPatch = {};
  if (f.applicable !== stored.applicable) out.applicable = f.applicable;
  if (f.justification.trim() !== stored.justification) out.justification = f.justification.trim();
  const reasons = Object.keys(reasonLabels).filter((r) => f.reasons.includes(r as SoaReason)) as SoaReason[];
  const storedReasons = Object.keys(reasonLabels).filter((r) => stored.reasons.includes(r as SoaReason));
  if (!sameList(reasons, storedReasons)) out.reasons = reasons;
  if (f.implementation_status !== stored.implementation_status) out.implementation_status = f.implementation_status;
  if (f.owner.trim() !== stored.owner) out.owner = f.owner.trim();
  if (f.notes.trim() !== (stored.notes ?? '')) out.notes = f.notes.trim();
  const pol = parseLines(f.policy_refs);
  if (!sameList(pol, stored.policy_refs)) out.policy_refs = pol;
  return out;
}

/** A diff or entry value for people: booleans as Yes/No, enum values by label, lists joined. */
export function displayValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) {
    if (!v.length) return '—';
    return v.map((x) => displayValue(field, x)).join(', ');
  }
  if (typeof v === 'string') {
    if (field === 'implementation_status') return (implementationLabels as Record<string, string>)[v] ?? v;
    if (field === 'reasons') return (reasonLabels as Record<string, string>)[v] ?? v;
    return v;
  }
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** Diff changes grouped by control, in control order. */
export function changesByControl<C extends { control_id: string }>(changes: readonly C[]): { control_id: string; changes: C[] }[] {
  const map = new Map<string, C[]>();
  for (const c of changes) map.set(c.control_id, [...(map.get(c.control_id) ?? []), c]);
  return [...map.entries()].sort(([a], [b]) => compareIds(a, b)).map(([control_id, list]) => ({ control_id, changes: list }));
}
