// The dashboard's figures, all cards in one call (GET /api/v1/dashboard).
import { api, type Schemas } from '../../lib/api';
import type { AsyncState } from '../../lib/hooks';
import type { EuAiActClass, LifecycleStage, SystemStatus } from '../../lib/labels';

export type Dashboard = Schemas['Dashboard'];
export type DashboardCards = Dashboard['cards'];

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
