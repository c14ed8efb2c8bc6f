// What a kind's schema means for its pages, as pure functions: the list's columns, filter keys and
// query, a field value in words, and the form model (empty values, values of a record, the client's
// checks mirroring the server's, the create body and the patch). Stateless.
import { formatDate, formatDateTime } from '../../lib/labels';
import type { QueryValue } from '../../lib/query';
import type { KindField, KindFilter, KindRecord, KindSchema } from './kinds';
import type { Column } from './ListParts';

/**
 * The names of the things a kind's references point at, by target ("system", "user", "control" or
 * a record kind) and id: an AI system's name, a member's name, "A.5.2 Title", "IP-3 Regulator".
 */
export type RefNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** True for a field that refers to something (one or a list). */
export function isRef(field: KindField | undefined): boolean {
  return field?.type === 'ref' || field?.type === 'refs';
}

/** The targets the kind's references point at, each once, in field order. */
export function refTargets(kind: KindSchema): string[] {
  return [...new Set(kind.fields.filter((f) => isRef(f) && f.ref).map((f) => f.ref as string))];
}

/** The name of what a reference points at; the id itself when it is not known (e.g. gone). */
export function refName(names: RefNames, target: string | undefined, id: string): string {
  return names.get(target ?? '')?.get(id) ?? id;
}

/** The [id, name] pairs whose name contains `text` (any case), the first `limit` of them in order. */
export function matchNames(known: ReadonlyMap<string, string> | undefined, text: string, limit = 20): [string, string][] {
  const q = text.trim().toLowerCase();
  return [...(known ?? [])].filter(([, name]) => name.toLowerCase().includes(q)).slice(0, limit);
}

/** The value of a form input: text of text, enum, date and integer inputs, a flag, a list of ids. */
export type FormValue = string | boolean | string[];
export type KindFormValues = Record<string, FormValue>;

/** The sort of a list when the URL names none: by number when the kind offers it. */
export function defaultSort(kind: KindSchema): string {
  return kind.sorts.some((s) => s.name === 'number') ? 'number' : (kind.sorts[0]?.name ?? '');
}

/** The columns of the list: the number, then each field marked as a column. */
export function listColumns(kind: KindSchema): Column[] {
  const sortable = new Set(kind.sorts.map((s) => s.name));
  const columns: Column[] = [{ key: 'number', label: 'Number', sort: sortable.has('number') ? 'number' : undefined }];
  const shown = kind.fields.filter((f) => f.column);
  shown.forEach((f, i) => {
    // The first field is the record's name; later long columns may go on narrow screens.
    columns.push({ key: f.name, label: f.label, sort: sortable.has(f.name) ? f.name : undefined, optional: i > 1 && f.type !== 'enum' });
  });
  return columns;
}

/** The field that names a record in lists and titles: the first text column, else the first text. */
export function titleField(kind: KindSchema): KindField | undefined {
  const texts = kind.fields.filter((f) => f.type === 'text');
  return texts.find((f) => f.column) ?? texts[0];
}

/** A record's name: "CI-3 Changing AI regulation". */
export function recordTitle(kind: KindSchema, r: KindRecord): string {
  const t = titleField(kind);
  const name = t && typeof r[t.name] === 'string' ? (r[t.name] as string) : '';
  const number = r.number ?? r.id;
  return name ? `${number} ${name}` : number;
}

/** The query parameters of the list page that are filters (and the sort). */
export function listFilterKeys(kind: KindSchema): string[] {
  return [...(kind.text_search ? ['q'] : []), ...kind.filters.map((f) => f.name), 'archived', 'sort'];
}

/** The list call's query: the URL's filters (archived ones only when asked for), cursor and limit. */
export function listQuery(filters: Record<string, string | undefined>, cursor: string | undefined, limit: number): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
  if (query.archived !== 'true' && query.archived !== 'all') delete query.archived;
  return { ...query, cursor, limit };
}

/** The [value, label] options of a filter: its values, or what a reference field's target names are loaded for. */
export function filterOptions(kind: KindSchema, filter: KindFilter, names: RefNames): [string, string][] | undefined {
  if (filter.values) return filter.values.map((v) => [v.value, v.label]);
  const field = kind.fields.find((f) => f.name === filter.name);
  const known = isRef(field) ? names.get(field?.ref ?? '') : undefined;
  return known ? [...known] : undefined;
}

/** A field's value in words: enum labels, dates, Yes/No, the names of what references point at; empty as a dash. */
export function showValue(field: KindField | undefined, value: unknown, names: RefNames = new Map()): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => showValue(field && { ...field, type: 'ref' }, v, names)).join(', ') : '—';
  if (!field) return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.type) {
    case 'enum':
      return field.values?.find((v) => v.value === value)?.label ?? String(value);
    case 'date':
      return formatDate(String(value));
    case 'text':
      return field.format === 'date-time' ? formatDateTime(String(value)) : String(value);
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'ref':
    case 'refs':
      return refName(names, field.ref, String(value));
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The label of a field name in the history; unknown names in words. */
export function fieldLabel(kind: KindSchema, name: string): string {
  return kind.fields.find((f) => f.name === name)?.label ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
}

function inputOf(field: KindField, value: unknown): FormValue {
  switch (field.type) {
    case 'boolean':
      return value === true;
    case 'refs':
      return Array.isArray(value) ? value.map(String) : [];
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

/** The values of a new record's form: each field's default, else empty. */
export function emptyForm(kind: KindSchema): KindFormValues {
  return Object.fromEntries(kind.fields.map((f) => [f.name, inputOf(f, f.default)]));
}

/** The form values of a stored record. */
export function formFromRecord(kind: KindSchema, r: KindRecord): KindFormValues {
  return Object.fromEntries(kind.fields.map((f) => [f.name, inputOf(f, r[f.name])]));
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The client's checks of one field, the same the server makes; undefined when it is fine. */
export function fieldError(field: KindField, value: FormValue | undefined): string | undefined {
  if (field.type === 'boolean') return undefined;
  if (field.type === 'refs') {
    const ids = Array.isArray(value) ? value : [];
    if (field.required && ids.length === 0) return 'Choose at least one.';
    if (field.max_items !== undefined && ids.length > field.max_items) return `Choose at most ${field.max_items}.`;
    return undefined;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return field.required ? 'This field is required.' : undefined;
  switch (field.type) {
    case 'text':
    case 'long_text':
      return field.max_length !== undefined && text.length > field.max_length ? `Use at most ${field.max_length} characters (now ${text.length}).` : undefined;
    case 'enum':
      return field.values && !field.values.some((v) => v.value === text) ? 'Choose one of the listed values.' : undefined;
    case 'date':
      return isCalendarDate(text) ? undefined : 'Enter a real date (YYYY-MM-DD).';
    case 'integer': {
      if (!/^-?\d+$/.test(text)) return 'Enter a whole number.';
      const n = Number(text);
      if (field.min !== undefined && n < field.min) return `Enter a number from ${field.min}${field.max !== undefined ? ` to ${field.max}` : ' up'}.`;
      if (field.max !== undefined && n > field.max) return `Enter a number ${field.min !== undefined ? `from ${field.min} ` : ''}up to ${field.max}.`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Every field's client-side error, by field name. */
export function formErrors(kind: KindSchema, values: KindFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of kind.fields) {
    const e = fieldError(f, values[f.name]);
    if (e) out[f.name] = e;
  }
  return out;
}

/** A form value as the API takes it; null for an empty one. */
function apiValue(field: KindField, value: FormValue | undefined): unknown {
  if (field.type === 'boolean') return value === true;
  if (field.type === 'refs') return Array.isArray(value) ? value : [];
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return null;
  return field.type === 'integer' ? Number(text) : text;
}

/** The body of a create call: every field with a value (empty ones are left to the server's defaults). */
export function createBody(kind: KindSchema, values: KindFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of kind.fields) {
    const v = apiValue(f, values[f.name]);
    if (v === null || (Array.isArray(v) && v.length === 0 && !f.required)) continue;
    body[f.name] = v;
  }
  return body;
}

/** The fields whose value differs from the record's; an emptied field is sent as null. */
export function patchBody(kind: KindSchema, r: KindRecord, values: KindFormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of kind.fields) {
    const next = apiValue(f, values[f.name]);
    const stored = apiValue(f, inputOf(f, r[f.name]));
    if (JSON.stringify(next) !== JSON.stringify(stored)) patch[f.name] = next;
  }
  return patch;
}
