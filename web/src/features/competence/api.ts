// The competence matrix (GET /api/v1/competence/matrix) and training completions
// (GET/POST /api/v1/training-campaigns/{id}/completions); the AIMS roles and campaigns, which the
// server serves from their kinds' schemas, are read untyped.
import { api, apiUntyped, type Schemas } from '../../lib/api';

export type Matrix = Schemas['CompetenceMatrix'];
export type MatrixPerson = Matrix['items'][number];
export type Completions = Schemas['TrainingCompletions'];

/** The few members of an AIMS role or training campaign the pages show. */
export interface Named {
  id: string;
  name?: string | null;
  title?: string | null;
  status?: string | null;
  due_date?: string | null;
}

export async function getMatrix(query: { role?: string; cursor?: string }, signal?: AbortSignal): Promise<Matrix> {
  const q: Record<string, string> = { limit: '50' };
  if (query.role) q.role = query.role;
  if (query.cursor) q.cursor = query.cursor;
  return (await api('get', '/api/v1/competence/matrix', { query: q, signal })).data;
}

export async function getRoles(signal?: AbortSignal): Promise<Named[]> {
  return (await apiUntyped<{ items: Named[] }>('get', '/api/v1/aims-roles', { query: { limit: '500', sort: 'name' }, signal })).data.items;
}

export async function getCampaigns(signal?: AbortSignal): Promise<Named[]> {
  return (await apiUntyped<{ items: Named[] }>('get', '/api/v1/training-campaigns', { query: { limit: '500' }, signal })).data.items;
}

export async function getCompletions(id: string, signal?: AbortSignal): Promise<Completions> {
  return (await api('get', '/api/v1/training-campaigns/{id}/completions', { path: { id }, signal })).data;
}

export async function completeTraining(id: string, person: string): Promise<void> {
  await api('post', '/api/v1/training-campaigns/{id}/completions', { path: { id }, body: { person } });
}
