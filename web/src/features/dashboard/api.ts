// The dashboard's figures, all cards in one call (GET /api/v1/dashboard).
import { api, type Schemas } from '../../lib/api';
import type { AsyncState } from '../../lib/hooks';
import type { EuAiActClass, LifecycleStage, SystemStatus } from '../../lib/labels';

export type Dashboard = Schemas['Dashboard'];
export type DashboardCards = Dashboard['cards'];
export type WhereWeStand = NonNullable<Dashboard['where_we_stand']>;
export type NextActions = NonNullable<Dashboard['next_actions']>;
export type DueThisMonth = Dashboard['due_this_month'];
export type DueItem = DueThisMonth['items'][number];

/** What a dashboard card renders: its slice of the one answer, or why there is none. */
export interface CardState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

export async function getDashboard(signal: AbortSignal): Promise<Dashboard> {
  const { data } = await api('get', '/api/v1/dashboard', { signal });
  return data;
}

/** The card `key` of the dashboard being loaded: its figures, or the answer's or the card's error. */
export function cardOf<K extends keyof DashboardCards>(d: AsyncState<Dashboard>, key: K): CardState<NonNullable<DashboardCards[K]> | null> {
  const failed = d.data?.errors[key];
  const error = d.error ?? (failed ? new Error(failed.detail) : undefined);
  const value = d.data?.cards[key];
  return { data: d.data && !failed ? (value ?? null) : undefined, error, loading: d.loading };
}

/** A lead section of the dashboard being loaded ("where we stand", "next actions"): its figures or its error. */
export function leadOf<K extends 'where_we_stand' | 'next_actions'>(d: AsyncState<Dashboard>, key: K): CardState<NonNullable<Dashboard[K]>> {
  const failed = d.data?.errors[key];
  const error = d.error ?? (failed ? new Error(failed.detail) : undefined);
  return { data: failed ? undefined : (d.data?.[key] ?? undefined), error, loading: d.loading };
}

/** What each source of "due this month" is called on the page. */
export const dueSourceLabels: Record<DueItem['source'], string> = {
  impact_review: 'Impact assessment review',
  evidence_expiring: 'Evidence expires',
  objective_reading: 'Objective reading due',
  risk_review: 'Risk review',
  acceptance_lapsing: 'Risk acceptance lapses',
  obligation: 'EU AI Act obligation due',
  communication_overdue: 'Planned communication overdue',
};

export interface SystemFigures {
  total: number;
  byClass: Record<EuAiActClass, number>;
  byStage: Record<LifecycleStage, number>;
  byStatus: Record<SystemStatus, number>;
}

/** Counts of the organization's (not archived) AI systems: in total and per class, stage and status. */
export function systemFigures(s: NonNullable<DashboardCards['systems']>): SystemFigures {
  return {
    total: s.total,
    byClass: s.by_class as Record<EuAiActClass, number>,
    byStage: s.by_stage as Record<LifecycleStage, number>,
    byStatus: s.by_status as Record<SystemStatus, number>,
  };
}
