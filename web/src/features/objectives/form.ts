// Converting between objectives as the API has them and the values of the objective form: numbers
// as text, lists one per line, only the targets the chosen direction uses, and PATCH bodies that
// carry only what changed. Pure functions, tested in form.test.ts.
import type { Objective, ObjectiveDirection, ObjectiveInput, ObjectivePatch, ObjectivePlan } from './api';

export interface PlanValues {
  action: string;
  resources: string;
  responsible: string;
  due_date: string;
  done: boolean;
}

export interface FormValues {
  title: string;
  description: string;
  annex_c_objective: string;
  system_id: string;
  measure: string;
  unit: string;
  direction: ObjectiveDirection;
  target_value: string;
  target_min: string;
  target_max: string;
  warning_threshold: string;
  warning_margin: string;
  frequency: string;
  owner: string;
  start_date: string;
  due_date: string;
  status: string;
  risk_refs: string;
  control_refs: string;
  plans: PlanValues[];
}

export const numberFields = ['target_value', 'target_min', 'target_max', 'warning_threshold', 'warning_margin'] as const;
type NumberField = (typeof numberFields)[number];

/** The number fields the direction uses. */
export function targetFields(direction: ObjectiveDirection): NumberField[] {
  return direction === 'within_range' ? ['target_min', 'target_max', 'warning_margin'] : ['target_value', 'warning_threshold'];
}

export function emptyForm(today: string): FormValues {
  return {
    title: '',
    description: '',
    annex_c_objective: '',
    system_id: '',
    measure: '',
    unit: '',
    direction: 'higher_is_better',
    target_value: '',
    target_min: '',
    target_max: '',
    warning_threshold: '',
    warning_margin: '',
    frequency: 'monthly',
    owner: '',
    start_date: today,
    due_date: '',
    status: 'active',
    risk_refs: '',
    control_refs: '',
    plans: [],
  };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function formFromObjective(o: Objective): FormValues {
  return {
    title: o.title,
    description: o.description,
    annex_c_objective: o.annex_c_objective,
    system_id: o.system_id ?? '',
    measure: o.measure,
    unit: o.unit,
    direction: o.direction,
    target_value: num(o.target_value),
    target_min: num(o.target_min),
    target_max: num(o.target_max),
    warning_threshold: num(o.warning_threshold),
    warning_margin: num(o.warning_margin),
    frequency: o.frequency,
    owner: o.owner,
    start_date: o.start_date,
    due_date: o.due_date,
    status: o.status,
    risk_refs: o.risk_refs.join('\n'),
    control_refs: o.control_refs.join('\n'),
    plans: o.plans.map((p) => ({
      action: p.action,
      resources: p.resources ?? '',
      responsible: p.responsible ?? '',
      due_date: p.due_date ?? '',
      done: p.done ?? false,
    })),
  };
}

/** A number as typed ("0.9", "1,5", " 12 "); null for empty, NaN for anything else. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
}

const lines = (s: string) => [...new Set(s.split('\n').map((x) => x.trim()).filter(Boolean))];

function plansOf(v: FormValues): ObjectivePlan[] {
  return v.plans
    .filter((p) => p.action.trim() || p.resources.trim() || p.responsible.trim() || p.due_date)
    .map((p) => ({
      action: p.action.trim(),
      resources: p.resources.trim(),
      responsible: p.responsible.trim(),
      due_date: p.due_date || null,
      done: p.done,
    }));
}

/** Errors the form can tell before asking the server (the server checks everything again). */
export function clientErrors(v: FormValues): Record<string, string> {
  const e: Record<string, string> = {};
  for (const k of ['title', 'annex_c_objective', 'measure', 'owner', 'due_date'] as const) if (!v[k].trim()) e[k] = 'is required';
  for (const k of targetFields(v.direction)) if (Number.isNaN(parseNumber(v[k]))) e[k] = 'must be a number';
  if (v.direction === 'within_range') {
    if (!e.target_min && parseNumber(v.target_min) === null) e.target_min = 'is required for a range';
    if (!e.target_max && parseNumber(v.target_max) === null) e.target_max = 'is required for a range';
  } else if (!e.target_value && parseNumber(v.target_value) === null) {
    e.target_value = 'is required';
  }
  v.plans.forEach((p, i) => {
    if (!p.action.trim() && (p.resources.trim() || p.responsible.trim() || p.due_date)) e[`plans[${i}].action`] = 'say what will be done';
  });
  return e;
}

/** Every field of the form as the API takes it (targets of other directions left out). */
function fieldsOf(v: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {
    title: v.title.trim(),
    description: v.description.trim(),
    annex_c_objective: v.annex_c_objective,
    system_id: v.system_id || null,
    measure: v.measure.trim(),
    unit: v.unit.trim(),
    direction: v.direction,
    frequency: v.frequency,
    owner: v.owner.trim(),
    start_date: v.start_date,
    due_date: v.due_date,
    status: v.status,
    plans: plansOf(v),
    risk_refs: lines(v.risk_refs),
    control_refs: lines(v.control_refs),
  };
  for (const k of targetFields(v.direction)) out[k] = parseNumber(v[k]);
  return out;
}

export function inputFromForm(v: FormValues): ObjectiveInput {
  const f = fieldsOf(v);
  if (!f.start_date) delete f.start_date;
  return f as unknown as ObjectiveInput;
}

/** Only the fields that differ from the objective as loaded. */
export function patchFromForm(o: Objective, v: FormValues): ObjectivePatch {
  const f = fieldsOf(v);
  const current = o as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(f)) {
    const was = k === 'plans' ? plansOf(formFromObjective(o)) : current[k];
    if (JSON.stringify(was ?? null) !== JSON.stringify(val ?? null)) patch[k] = val;
  }
  return patch as ObjectivePatch;
}
