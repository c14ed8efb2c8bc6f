// The impact assessment form as plain values: built from the record, checked in the browser for
// what is obviously missing, turned into a PATCH of only the changed fields, and the server's
// field errors (`impacts[2].severity`) keyed by path for inline display.
import type { Problem } from '../../lib/problem';
import type { ImpactAssessment, ImpactLevel, ImpactPatch, ImpactSettingsInput } from './api';
import type { Category, EntryType, MeasureStatus, Relation } from './labels';

export interface MeasureValues {
  description: string;
  owner: string;
  status: MeasureStatus;
}

export interface ImpactValues {
  /** React key; the server's row id once saved. */
  key: string;
  id?: string;
  category: Category | '';
  type: EntryType | '';
  affected_party: string;
  description: string;
  severity: string;
  likelihood: string;
  measures: MeasureValues[];
}

export interface PartyValues {
  key: string;
  name: string;
  relation: Relation;
  vulnerable: boolean;
  notes: string;
}

export const textFields = [
  'title', 'scope', 'next_review_date', 'purpose', 'intended_uses', 'unintended_uses', 'data_quality', 'model_type',
  'model_information', 'deployment_context', 'processes', 'period_and_frequency', 'human_oversight', 'governance_and_complaints',
] as const;
export type TextField = (typeof textFields)[number];

export type FormValues = Record<TextField, string> & {
  assessors: string;
  data_sources: string;
  interested_parties: PartyValues[];
  impacts: ImpactValues[];
};

let counter = 0;
/** A key for a new row, unique in this page. */
export function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function newImpact(type: EntryType): ImpactValues {
  return { key: newKey(), category: '', type, affected_party: '', description: '', severity: '', likelihood: '', measures: [] };
}

export function newParty(): PartyValues {
  return { key: newKey(), name: '', relation: 'affected', vulnerable: false, notes: '' };
}

export function newMeasure(): MeasureValues {
  return { description: '', owner: '', status: 'planned' };
}

const lines = (items: string[] | undefined) => (items ?? []).join('\n');
const fromLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

export function formFromRecord(a: ImpactAssessment): FormValues {
  const v = {} as FormValues;
  for (const k of textFields) {
    const raw = (a as Record<string, unknown>)[k];
    v[k] = typeof raw === 'string' ? raw : '';
  }
  v.assessors = lines(a.assessors);
  v.data_sources = lines(a.data_sources);
  v.interested_parties = a.interested_parties.map((p) => ({
    key: newKey(), name: p.name, relation: (p.relation ?? 'affected') as Relation, vulnerable: p.vulnerable ?? false, notes: p.notes ?? '',
  }));
  v.impacts = a.impacts.map((e) => ({
    key: e.id, id: e.id, category: e.category, type: e.type, affected_party: e.affected_party, description: e.description,
    severity: String(e.severity), likelihood: String(e.likelihood),
    measures: e.measures.map((m) => ({ description: m.description, owner: m.owner ?? '', status: m.status ?? 'planned' })),
  }));
  return v;
}

function partiesOut(v: FormValues) {
  return v.interested_parties.map((p) => ({ name: p.name.trim(), relation: p.relation, vulnerable: p.vulnerable, notes: p.notes.trim() }));
}

function impactsOut(v: FormValues) {
  return v.impacts.map((e) => ({
    ...(e.id ? { id: e.id } : {}),
    category: e.category as Category,
    type: e.type as EntryType,
    affected_party: e.affected_party.trim(),
    description: e.description.trim(),
    severity: Number(e.severity),
    likelihood: Number(e.likelihood),
    measures: e.measures.map((m) => ({ description: m.description.trim(), owner: m.owner.trim(), status: m.status })),
  }));
}

/** The fields whose values differ from the record (lists as whole lists). */
export function patchFromForm(a: ImpactAssessment, v: FormValues): ImpactPatch {
  const before = formFromRecord(a);
  const patch: Record<string, unknown> = {};
  for (const k of textFields) {
    if (v[k].trim() === before[k].trim()) continue;
    patch[k] = k === 'next_review_date' ? v[k] || null : v[k];
  }
  if (JSON.stringify(fromLines(v.assessors)) !== JSON.stringify(a.assessors)) patch.assessors = fromLines(v.assessors);
  if (JSON.stringify(fromLines(v.data_sources)) !== JSON.stringify(a.data_sources)) patch.data_sources = fromLines(v.data_sources);
  if (JSON.stringify(partiesOut(v)) !== JSON.stringify(partiesOut(before))) patch.interested_parties = partiesOut(v);
  if (JSON.stringify(impactsOut(v)) !== JSON.stringify(impactsOut(before))) patch.impacts = impactsOut(v);
  return patch as ImpactPatch;
}

/** What the browser can tell is missing before asking the server, keyed by path. */
export function clientErrors(v: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.title.trim()) out.title = 'must not be empty';
  v.interested_parties.forEach((p, i) => {
    if (!p.name.trim()) out[`interested_parties[${i}].name`] = 'is required';
  });
  v.impacts.forEach((e, i) => {
    const at = `impacts[${i}]`;
    if (!e.category) out[`${at}.category`] = 'is required';
    if (!e.affected_party.trim()) out[`${at}.affected_party`] = 'is required';
    if (!e.description.trim()) out[`${at}.description`] = 'is required';
    if (!e.severity) out[`${at}.severity`] = 'is required';
    if (!e.likelihood) out[`${at}.likelihood`] = 'is required';
    e.measures.forEach((m, j) => {
      if (!m.description.trim()) out[`${at}.measures[${j}].description`] = 'is required';
    });
  });
  return out;
}

/** The server's field errors keyed by their full path; messages for one path are joined. */
export function errorsByPath(p: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of p?.errors ?? []) {
    if (e.field === undefined || e.row !== undefined) continue;
    out[e.field] = out[e.field] ? `${out[e.field]} ${e.message}` : e.message;
  }
  return out;
}

/** The errors that belong to a row (`impacts[2]` and below). */
export function rowHasErrors(errors: Record<string, string>, prefix: string): boolean {
  return Object.keys(errors).some((k) => k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`));
}

/** Score and level of a row as the server will derive them (null until both scales are set). */
export function preview(e: Pick<ImpactValues, 'type' | 'severity' | 'likelihood'>, s: Pick<ImpactSettingsInput, 'sensitive_score' | 'restricted_score'>):
  { score: number; level: ImpactLevel | null } | null {
  if (!e.severity || !e.likelihood) return null;
  const score = Number(e.severity) * Number(e.likelihood);
  if (e.type !== 'harm') return { score, level: null };
  return { score, level: score >= s.restricted_score ? 'restricted' : score >= s.sensitive_score ? 'sensitive' : 'normal' };
}

/** "impacts[1].measures[0].owner" → "Benefit or harm 2, measure 1: owner" for summaries. */
export function pathLabel(path: string, labels: Record<string, string>): string {
  const m = /^(impacts|interested_parties)\[(\d+)\](?:\.measures\[(\d+)\])?(?:\.(\w+))?$/.exec(path);
  if (!m) return labels[path] ?? path;
  const [, list, i, j, field] = m;
  let s = `${list === 'impacts' ? 'Benefit or harm' : 'Interested party'} ${Number(i) + 1}`;
  if (j !== undefined) s += `, measure ${Number(j) + 1}`;
  if (field) s += `: ${field.replace(/_/g, ' ')}`;
  return s;
}
