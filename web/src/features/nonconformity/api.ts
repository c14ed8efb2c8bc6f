// The nonconformity steps' calls (docs/nonconformity.md): the NC with its ETag, each step with
// If-Match, its corrective actions (the corrective-action records whose nc_id is the NC) and the
// organization's members (owners and verifiers). The NC's own fields are served by the generic
// record pages.
import { apiUntyped } from '../../lib/api';

/** Who did a step and when. */
export interface Signed {
  by: string;
  by_id: string;
  at: string;
}

export interface EffectivenessCheck extends Signed {
  criterion: string;
  due_date: string;
  verifier: string;
  result: 'effective' | 'not_effective' | null;
  reason?: string | null;
  result_by?: string;
  result_at?: string;
}

export interface Nonconformity {
  id: string;
  version: number;
  title: string;
  status: 'open' | 'contained' | 'analysed' | 'actions_planned' | 'verifying' | 'closed';
  owner: string | null;
  source: string;
  source_ref: string | null;
  requirement: string;
  severity: 'major' | 'minor';
  opened_on: string;
  due_date: string | null;
  closed_on: string | null;
  containment: (Signed & { action: string; done_on: string }) | null;
  cause_analysis: (Signed & { method: string; analysis: string; root_cause: string }) | null;
  elsewhere: (Signed & { could_occur_elsewhere: boolean; where: string | null }) | null;
  updates: (Signed & { links: string[]; note: string })[];
  effectiveness_check: EffectivenessCheck | null;
  earlier_checks: EffectivenessCheck[];
  next_step: string | null;
}

export interface CorrectiveAction {
  id: string;
  version: number;
  title: string;
  owner: string | null;
  due_date: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  done_on: string | null;
  created_at: string;
}

const NC = '/api/v1/nonconformities';

export async function getNonconformity(id: string, signal?: AbortSignal): Promise<{ nc: Nonconformity; etag: string }> {
  const r = await apiUntyped<Nonconformity>('get', `${NC}/${encodeURIComponent(id)}`, { signal });
  return { nc: r.data, etag: r.etag ?? `"v${r.data.version}"` };
}

/** The path segments of the steps (POST /api/v1/nonconformities/{id}/<step>). */
export type StepPath = 'containment' | 'cause-analysis' | 'elsewhere-check' | 'updates' | 'effectiveness-check' | 'effectiveness-result' | 'close';

export async function recordStep(id: string, step: StepPath, body: Record<string, unknown>, etag: string): Promise<void> {
  await apiUntyped('post', `${NC}/${encodeURIComponent(id)}/${step}`, { body, headers: { 'If-Match': etag } });
}

export async function listActions(ncId: string, signal?: AbortSignal): Promise<CorrectiveAction[]> {
  const r = await apiUntyped<{ items: CorrectiveAction[] }>('get', '/api/v1/corrective-actions', { query: { nc_id: ncId, limit: 500 }, signal });
  return r.data.items ?? [];
}

export async function createAction(body: { nc_id: string; title: string; owner: string; due_date?: string }): Promise<void> {
  await apiUntyped('post', '/api/v1/corrective-actions', { body });
}

export async function finishAction(a: CorrectiveAction, today: string): Promise<void> {
  await apiUntyped('patch', `/api/v1/corrective-actions/${encodeURIComponent(a.id)}`, {
    body: { status: 'done', done_on: today },
    headers: { 'If-Match': `"v${a.version}"` },
  });
}

/** The nonconformities due before today and not closed (at most 500, by number). */
export async function listOverdue(signal?: AbortSignal): Promise<Nonconformity[]> {
  const r = await apiUntyped<{ items: Nonconformity[] }>('get', NC, { query: { overdue: 'true', limit: 500 }, signal });
  return r.data.items ?? [];
}
