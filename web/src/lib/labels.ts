// Human labels for the contract's enumerations. Typed as Record<Enum, string> so that a value added
// to api/openapi.yaml fails the build until it has a label here.
import type { components } from './api-types';

type S = components['schemas'];
export type LifecycleStage = S['LifecycleStage'];
export type OrganizationRole = S['OrganizationRole'];
export type EuAiActClass = S['EuAiActClass'];
export type SystemStatus = S['SystemStatus'];
export type HumanOversight = S['HumanOversight'];
export type CatalogKind = S['CatalogKind'];

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  inception: 'Inception', design_and_development: 'Design and development',
  verification_and_validation: 'Verification and validation', deployment: 'Deployment',
  operation_and_monitoring: 'Operation and monitoring', re_evaluation: 'Re-evaluation', retirement: 'Retirement',
};

export const organizationRoleLabels: Record<OrganizationRole, string> = {
  provider: 'Provider', producer: 'Producer / developer', deployer: 'Deployer / user', customer: 'Customer', partner: 'Partner',
  importer: 'Importer', distributor: 'Distributor',
};

export const euAiActClassLabels: Record<EuAiActClass, string> = {
  unclassified: 'Unclassified', prohibited: 'Prohibited', high_risk: 'High-risk', gpai_systemic: 'GPAI model, systemic risk',
  gpai_model: 'GPAI model', high_risk_exempt: 'Not high-risk (Art. 6(3))', transparency: 'Transparency duty',
  minimal: 'Minimal risk',
};

export const statusLabels: Record<SystemStatus, string> = {
  planned: 'Planned', active: 'Active', suspended: 'Suspended', retired: 'Retired',
};

export const humanOversightLabels: Record<HumanOversight, string> = {
  unspecified: 'Unspecified', human_in_the_loop: 'Human in the loop', human_on_the_loop: 'Human on the loop',
  human_in_command: 'Human in command', none: 'None',
};

export const catalogKindLabels: Record<CatalogKind, string> = {
  clause: 'Clause', annex_a_area: 'Annex A area', control_objective: 'Control objective', control: 'Control',
  ai_objective: 'AI objective', risk_source: 'Risk source', lifecycle_stage: 'Life-cycle stage',
};

export const documentedInformationLabels: Record<'M' | 'R' | 'M+R' | '-', string> = {
  M: 'Documented information to maintain', R: 'Documented information to retain as evidence',
  'M+R': 'Documented information to maintain and to retain', '-': 'No documented information named',
};

/** The keys of a label table, in declaration order (the order options are offered in). */
export function optionsOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}

/** A label for a value that may be unknown to this build (shown as the raw value). */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return (labels as Record<string, string>)[value] ?? value;
}

/**
 * A date-only value ("2026-12-06") as the local calendar day it names (not UTC midnight, which
 * is the day before west of Greenwich); anything else as `new Date` reads it.
 */
function parseDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(iso);
}

/** A date-time from the API for people: local date and time to the minute ("6 Dec 2026, 14:05" in en-GB). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = parseDate(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * A date (or the day of a date-time) from the API for people: the one date style of the web UI,
 * in the browser's locale ("6 Dec 2026" in en-GB, "Dec 6, 2026" in en-US).
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = parseDate(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * The figures of an assessment as every page and report shows them (docs/assessment.md, "How
 * figures are rounded"): the server rounds once (maturity to 2 decimals, percentages to 1) and
 * these print exactly that, so the dashboard, the results page and the reports read the same.
 */
export function formatMaturity(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(2);
}

/** A percentage figure: one decimal ("60.5%", "61.0%"); see formatMaturity. */
export function formatPercent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)}%`;
}

/** "ISO/IEC 42001:2023 — Artificial intelligence — Management system" → "ISO/IEC 42001:2023". */
export function shortTitle(title: string): string {
  return title.split(' — ')[0].trim() || title;
}
