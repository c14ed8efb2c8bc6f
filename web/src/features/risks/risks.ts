// The risk register's pure logic: the form's values and the API bodies made from them, the
// client's checks (the server's rules, so mistakes show before a round trip), level colours,
// heat map cells as register filters, and the criteria editor's resizing. Unit-tested in risks.test.ts.
import { joinLines, parseLines } from '../systems';
import type { Risk, RiskCriteria, RiskCriteriaInput, RiskInput, RiskLevel, RiskPatch } from './api';

export interface RiskFormValues {
  title: string;
  description: string;
  system_id: string;
  risk_sources: string[];
  objectives: string[];
  inherent_likelihood: string;
  inherent_impact: string;
  existing_controls: string;
  treatment: string;
  treatment_plan: string;
  planned_controls: string;
  residual_likelihood: string;
  residual_impact: string;
  residual_rationale: string;
  owner: string;
  due_date: string;
  review_date: string;
  status: string;
}

export function emptyRiskForm(): RiskFormValues {
  return {
    title: '',
    description: '',
    system_id: '',
    risk_sources: [],
    objectives: [],
    inherent_likelihood: '',
    inherent_impact: '',
    existing_controls: '',
    treatment: '',
    treatment_plan: '',
    planned_controls: '',
    residual_likelihood: '',
    residual_impact: '',
    residual_rationale: '',
    owner: '',
    due_date: '',
    review_date: '',
    status: 'open',
  };
}

export function formFromRisk(r: Risk): RiskFormValues {
  return {
    title: r.title,
    description: r.description,
    system_id: r.system_id ?? '',
    risk_sources: [...r.risk_sources],
    objectives: [...r.objectives],
    inherent_likelihood: String(r.inherent_likelihood),
    inherent_impact: String(r.inherent_impact),
    existing_controls: joinLines(r.existing_controls),
    treatment: r.treatment ?? '',
    treatment_plan: r.treatment_plan,
    planned_controls: joinLines(r.planned_controls),
    residual_likelihood: String(r.residual_likelihood),
    residual_impact: String(r.residual_impact),
    residual_rationale: r.residual_rationale,
    owner: r.owner,
    due_date: r.due_date ?? '',
    review_date: r.review_date ?? '',
    status: r.status,
  };
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The whole risk as the API takes it; empty residual values are left to the server's defaults. */
export function inputFromForm(v: RiskFormValues): RiskInput {
  const body: RiskInput = {
    title: v.title.trim(),
    description: v.description,
    system_id: v.system_id || null,
    risk_sources: v.risk_sources,
    objectives: v.objectives,
    inherent_likelihood: num(v.inherent_likelihood) ?? 0,
    inherent_impact: num(v.inherent_impact) ?? 0,
    existing_controls: parseLines(v.existing_controls),
    treatment: (v.treatment || null) as RiskInput['treatment'],
    treatment_plan: v.treatment_plan,
    planned_controls: parseLines(v.planned_controls),
    residual_rationale: v.residual_rationale,
    owner: v.owner.trim(),
    due_date: v.due_date || null,
    review_date: v.review_date || null,
    status: v.status as RiskInput['status'],
  };
  const rl = num(v.residual_likelihood);
  const ri = num(v.residual_impact);
  if (rl !== undefined) body.residual_likelihood = rl;
  if (ri !== undefined) body.residual_impact = ri;
  return body;
}

/** Only the fields that differ from the stored risk. */
export function patchFromForm(r: Risk, v: RiskFormValues): RiskPatch {
  const full = inputFromForm(v) as Record<string, unknown>;
  const stored = r as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(full)) {
    if (JSON.stringify(value) !== JSON.stringify(stored[k] ?? null)) patch[k] = value;
  }
  return patch as RiskPatch;
}

/** The server's rules, checked before sending: errors by field. */
export function riskFormErrors(v: RiskFormValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.title.trim()) e.title = 'is required';
  if (!v.inherent_likelihood) e.inherent_likelihood = 'is required';
  if (!v.inherent_impact) e.inherent_impact = 'is required';
  const il = num(v.inherent_likelihood), ii = num(v.inherent_impact);
  const rl = num(v.residual_likelihood) ?? il, ri = num(v.residual_impact) ?? ii;
  if (!v.residual_rationale.trim()) {
    if (il !== undefined && rl !== undefined && rl > il) e.residual_likelihood = 'is above the inherent likelihood; explain why in the rationale, or lower it';
    if (ii !== undefined && ri !== undefined && ri > ii) e.residual_impact = 'is above the inherent impact; explain why in the rationale, or lower it';
  }
  if ((v.status === 'treating' || v.status === 'monitoring') && !v.treatment) e.treatment = `choose a treatment option before the status ${v.status}`;
  for (const line of parseLines(v.planned_controls))
    if (/^A\.\d/.test(line) && !/^A\.\d+(\.\d+)+$/.test(line)) e.planned_controls = `${line} is not an Annex A control id`;
  return e;
}

/** The level of a cell under the criteria (1-based likelihood and impact). */
export function levelOf(c: Pick<RiskCriteria, 'matrix' | 'levels'>, likelihood: number, impact: number): RiskLevel | undefined {
  const id = c.matrix[likelihood - 1]?.[impact - 1];
  return c.levels.find((l) => l.id === id);
}

/** Black or white text, whichever has the higher contrast ratio on a #rrggbb background (at least 4.58:1). */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const [r, g, b] = m.slice(1).map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? '#000000' : '#ffffff';
}

export type Which = 'inherent' | 'residual';

/** The register filters of one heat map cell (other filters are kept, the other grid's cell dropped). */
export function cellParams(params: URLSearchParams, which: Which, likelihood: number, impact: number): URLSearchParams {
  const p = new URLSearchParams(params);
  for (const k of ['inherent_likelihood', 'inherent_impact', 'residual_likelihood', 'residual_impact']) p.delete(k);
  p.set(`${which}_likelihood`, String(likelihood));
  p.set(`${which}_impact`, String(impact));
  return p;
}

/** The heat map cell the filters select, if any. */
export function selectedCell(params: URLSearchParams): { which: Which; likelihood: number; impact: number } | undefined {
  for (const which of ['inherent', 'residual'] as const) {
    const l = Number(params.get(`${which}_likelihood`));
    const i = Number(params.get(`${which}_impact`));
    if (l > 0 && i > 0) return { which, likelihood: l, impact: i };
  }
  return undefined;
}

/** The sort value after clicking a column: ascending first, then descending (the list pages' rule). */
export { toggleSortValue as toggleSort } from '../../components/records/useListPage';

/** Criteria as sent back (read-only members dropped). */
export function criteriaInput(c: RiskCriteria): RiskCriteriaInput {
  return {
    likelihood: c.likelihood.map((s) => ({ ...s })),
    impact: c.impact.map((s) => ({ ...s })),
    levels: c.levels.map((l) => ({ ...l })),
    matrix: c.matrix.map((row) => [...row]),
    acceptance_threshold: c.acceptance_threshold,
    accept_roles: [...c.accept_roles],
  };
}

/**
 * The criteria with `likelihood` × `impact` steps: steps added at the top get a placeholder label,
 * new cells take the level of their nearest existing neighbour (so the matrix stays monotonic).
 */
export function resize(c: RiskCriteriaInput, likelihood: number, impact: number): RiskCriteriaInput {
  const grow = (steps: RiskCriteriaInput['likelihood'], n: number) =>
    Array.from({ length: n }, (_, i) => steps[i] ?? { label: `Step ${i + 1}`, description: '' });
  const matrix = Array.from({ length: likelihood }, (_, l) =>
    Array.from({ length: impact }, (_, i) => {
      const row = c.matrix[Math.min(l, c.matrix.length - 1)] ?? [];
      return row[Math.min(i, row.length - 1)] ?? c.levels[0]?.id ?? '';
    }),
  );
  return { ...c, likelihood: grow(c.likelihood, likelihood), impact: grow(c.impact, impact), matrix };
}

/** The next level up (wrapping to the lowest) for a matrix cell clicked in the editor. */
export function nextLevel(levels: readonly RiskLevel[], id: string): string {
  const i = levels.findIndex((l) => l.id === id);
  return levels[(i + 1) % levels.length]?.id ?? id;
}

/** Cells lower than a less likely or less severe neighbour, as "l,i" keys (1-based). */
export function nonMonotonicCells(c: Pick<RiskCriteriaInput, 'matrix' | 'levels'>): Set<string> {
  const rank = (id: string) => c.levels.findIndex((l) => l.id === id);
  const out = new Set<string>();
  c.matrix.forEach((row, l) =>
    row.forEach((cell, i) => {
      if ((l > 0 && rank(cell) < rank(c.matrix[l - 1][i])) || (i > 0 && rank(cell) < rank(row[i - 1]))) out.add(`${l + 1},${i + 1}`);
    }),
  );
  return out;
}
