// The steps of a nonconformity as a guided sequence (docs/nonconformity.md): for each, whether it
// is done (by whom, when), the next one, or still to come. Pure functions.
import type { Nonconformity } from './api';

export type StepKey = 'containment' | 'cause_analysis' | 'elsewhere_check' | 'corrective_actions' | 'effectiveness_check' | 'effectiveness_result' | 'close';

export interface StepState {
  key: StepKey;
  label: string;
  state: 'done' | 'next' | 'later';
  /** Who did it and when (done steps that record one). */
  by?: string;
  at?: string;
}

const LABELS: Record<StepKey, string> = {
  containment: 'Correction and containment',
  cause_analysis: 'Cause analysis',
  elsewhere_check: 'Could it occur elsewhere?',
  corrective_actions: 'Corrective actions',
  effectiveness_check: 'Effectiveness check scheduled',
  effectiveness_result: 'Effectiveness confirmed',
  close: 'Closed',
};

const STATUS: Record<Nonconformity['status'], string> = {
  open: 'Open',
  contained: 'Contained',
  analysed: 'Cause analysed',
  actions_planned: 'Actions planned',
  verifying: 'Effectiveness check',
  closed: 'Closed',
};

export function statusLabel(status: string): string {
  return STATUS[status as Nonconformity['status']] ?? status;
}

export const METHODS: [string, string][] = [
  ['five_whys', '5 whys'],
  ['cause_categories', 'Cause categories (people, method, machine, material, environment, measurement)'],
  ['fishbone', 'Fishbone diagram'],
  ['other', 'Other method'],
];

export function methodLabel(method: string): string {
  return METHODS.find(([v]) => v === method)?.[1] ?? method;
}

/**
 * Whether the corrective actions step is done: at least one action not cancelled, all of those
 * done, and — after a check found them not effective — one recorded since.
 */
export function actionsDone(nc: Nonconformity, actions: { status: string; created_at: string }[]): boolean {
  const live = actions.filter((a) => a.status !== 'cancelled');
  const reopened = nc.earlier_checks.length ? nc.earlier_checks[nc.earlier_checks.length - 1].result_at ?? '' : '';
  return live.length > 0 && live.every((a) => a.status === 'done') && (!reopened || live.some((a) => a.created_at > reopened));
}

/** The steps of `nc` in order; `actionsDone` is whether its corrective actions are done (see actionsDone). */
export function stepsOf(nc: Nonconformity, actionsDone: boolean): StepState[] {
  const order: StepKey[] = ['containment', 'cause_analysis', 'elsewhere_check', 'corrective_actions', 'effectiveness_check', 'effectiveness_result', 'close'];
  const check = nc.effectiveness_check;
  const done: Record<StepKey, { by?: string; at?: string } | false> = {
    containment: nc.containment ? { by: nc.containment.by, at: nc.containment.at } : false,
    cause_analysis: nc.cause_analysis ? { by: nc.cause_analysis.by, at: nc.cause_analysis.at } : false,
    elsewhere_check: nc.elsewhere ? { by: nc.elsewhere.by, at: nc.elsewhere.at } : false,
    corrective_actions: nc.status === 'verifying' || nc.status === 'closed' ? {} : false,
    effectiveness_check: check ? { by: check.by, at: check.at } : false,
    effectiveness_result: check?.result === 'effective' ? { by: check.result_by, at: check.result_at } : false,
    close: nc.status === 'closed' ? {} : false,
  };
  if (nc.status === 'actions_planned' && actionsDone) done.corrective_actions = {};
  let nextGiven = false;
  return order.map((key) => {
    const d = done[key];
    if (d) return { key, label: LABELS[key], state: 'done', by: d.by, at: d.at };
    const state = nextGiven ? 'later' : 'next';
    nextGiven = true;
    return { key, label: LABELS[key], state };
  });
}
