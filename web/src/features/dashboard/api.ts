// Figures for the dashboard, from the list APIs' totals.
import { euAiActClassLabels, lifecycleStageLabels, optionsOf, statusLabels, type EuAiActClass, type LifecycleStage, type SystemStatus } from '../../lib/labels';
import { listAllItems } from '../catalog/api';
import { countSystems } from '../systems/api';

export interface SystemFigures {
  total: number;
  byClass: Record<EuAiActClass, number>;
  byStage: Record<LifecycleStage, number>;
  byStatus: Record<SystemStatus, number>;
}

export interface CatalogFigures {
  mainClauses: number;
  subclauses: number;
  controls: number;
  areas: number;
  aiObjectives: number;
  riskSources: number;
}

async function countBy<K extends string>(key: 'eu_ai_act_class' | 'lifecycle_stage' | 'status', values: K[], signal: AbortSignal): Promise<Record<K, number>> {
  const counts = await Promise.all(values.map((v) => countSystems({ [key]: v }, signal)));
  return Object.fromEntries(values.map((v, i) => [v, counts[i]])) as Record<K, number>;
}

/** Counts of the organization's (not archived) AI systems: in total and per class, stage and status. */
export async function systemFigures(signal: AbortSignal): Promise<SystemFigures> {
  const [total, byClass, byStage, byStatus] = await Promise.all([
    countSystems({}, signal),
    countBy('eu_ai_act_class', optionsOf(euAiActClassLabels), signal),
    countBy('lifecycle_stage', optionsOf(lifecycleStageLabels), signal),
    countBy('status', optionsOf(statusLabels), signal),
  ]);
  return { total, byClass, byStage, byStatus };
}

/** What the ISO/IEC 42001 catalog holds. */
export async function catalogFigures(signal: AbortSignal): Promise<CatalogFigures> {
  const items = await listAllItems('iso42001', signal);
  const count = (pred: (i: (typeof items)[number]) => boolean) => items.filter(pred).length;
  return {
    mainClauses: count((i) => i.kind === 'clause' && !i.parent),
    subclauses: count((i) => i.kind === 'clause' && i.leaf && !!i.parent),
    controls: count((i) => i.kind === 'control'),
    areas: count((i) => i.kind === 'annex_a_area'),
    aiObjectives: count((i) => i.kind === 'ai_objective'),
    riskSources: count((i) => i.kind === 'risk_source'),
  };
}
