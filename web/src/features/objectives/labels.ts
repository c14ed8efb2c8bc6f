// Labels of the AI objective enumerations, typed against the contract so a new value fails the build.
import type { DerivedStatus, ObjectiveDirection, ObjectiveFrequency, ObjectiveStatus } from './api';

export const derivedStatusLabels: Record<DerivedStatus, string> = {
  on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_data: 'No data',
};

export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  active: 'Active', achieved: 'Achieved', retired: 'Retired',
};

export const directionLabels: Record<ObjectiveDirection, string> = {
  higher_is_better: 'Higher is better', lower_is_better: 'Lower is better', within_range: 'Within a range',
};

export const frequencyLabels: Record<ObjectiveFrequency, string> = {
  weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly',
};

/** A number for people: up to 6 significant digits, no exponent for everyday values. */
export function formatValue(v: number | null | undefined, unit?: string): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const s = Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (!unit) return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

/** A calendar date (YYYY-MM-DD) for people: the one date style of lib/labels. */
export { formatDate as formatDay } from '../../lib/labels';

/** Today as YYYY-MM-DD in UTC (the server's calendar). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
