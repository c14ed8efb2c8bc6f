// AI system inventory calls (SPEC §3).
import { api, downloadFile, type Schemas } from '../../lib/api';
import type { paths } from '../../lib/api-types';

export type AiSystem = Schemas['AiSystem'];
export type AiSystemInput = Schemas['AiSystemInput'];
export type AiSystemPatch = Schemas['AiSystemPatch'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type ImportResult = Schemas['ImportResult'];

type ListQuery = NonNullable<paths['/api/v1/systems']['get']['parameters']['query']>;
export type SystemSort = NonNullable<ListQuery['sort']>;
/** The list filters (everything but paging), as they appear in the page URL. */
export type SystemFilters = Omit<ListQuery, 'limit' | 'cursor'>;

export const filterKeys = ['q', 'status', 'lifecycle_stage', 'eu_ai_act_class', 'organization_role', 'archived', 'sort'] as const;

export interface SystemPage {
  items: AiSystem[];
  total: number;
  next?: string;
}

export async function listSystems(filters: SystemFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<SystemPage> {
  const { data } = await api('get', '/api/v1/systems', { query: { ...filters, cursor, limit }, signal });
  return data as SystemPage; // an unreadable row ({id, error}) is told apart by isUnreadable on the list page
}

/** How many systems match the filters (one item is fetched; `total` counts them all). */
export async function countSystems(filters: SystemFilters, signal?: AbortSignal): Promise<number> {
  const { data } = await api('get', '/api/v1/systems', { query: { ...filters, limit: 1 }, signal });
  return data.total;
}

export interface Versioned {
  system: AiSystem;
  etag: string | null;
}

export async function getSystem(id: string, signal?: AbortSignal): Promise<Versioned> {
  const { data, etag } = await api('get', '/api/v1/systems/{id}', { path: { id }, signal });
  return { system: data, etag };
}

export async function createSystem(input: AiSystemInput): Promise<AiSystem> {
  const { data } = await api('post', '/api/v1/systems', { body: input });
  return data;
}

export async function updateSystem(id: string, patch: AiSystemPatch, etag: string): Promise<Versioned> {
  const { data, etag: next } = await api('patch', '/api/v1/systems/{id}', {
    path: { id },
    body: patch,
    headers: { 'If-Match': etag },
  });
  return { system: data, etag: next };
}

export async function archiveSystem(id: string): Promise<Versioned> {
  const { data, etag } = await api('post', '/api/v1/systems/{id}/archive', { path: { id } });
  return { system: data, etag };
}

export async function restoreSystem(id: string): Promise<Versioned> {
  const { data, etag } = await api('post', '/api/v1/systems/{id}/restore', { path: { id } });
  return { system: data, etag };
}

export async function getHistory(id: string, cursor: string | undefined, signal?: AbortSignal): Promise<{ items: HistoryEntry[]; next?: string }> {
  const { data } = await api('get', '/api/v1/systems/{id}/history', { path: { id }, query: { cursor, limit: 50 }, signal });
  return data;
}

export async function importCsv(csv: string, dryRun: boolean): Promise<ImportResult> {
  const { data } = await api('post', '/api/v1/systems/import', {
    query: { dry_run: dryRun },
    body: csv,
    contentType: 'text/csv',
  });
  return data;
}

export function exportCsv(filters: SystemFilters): Promise<void> {
  return downloadFile('/api/v1/systems/export', filters, 'ai-systems.csv');
}
