// AI system inventory calls (SPEC §3).
import { api, downloadFile, historyCall, recordCalls, versioned, type WithEtag } from '../../lib/api';
import { countRows, fetchPage, type ListFilters, type ListSort, type ListPage } from '../../lib/lists';
import type {
  SchemaAiSystem as AiSystem, SchemaAiSystemInput as AiSystemInput, SchemaAiSystemPatch as AiSystemPatch,
  SchemaHistoryEntry as HistoryEntry, SchemaImportResult as ImportResult,
} from '../../lib/api-types';

export type { AiSystem, AiSystemInput, AiSystemPatch, HistoryEntry, ImportResult };

export type SystemSort = ListSort<'/api/v1/systems'>;
/** The list filters (everything but paging), as they appear in the page URL. */
export type SystemFilters = ListFilters<'/api/v1/systems'>;

export const filterKeys = ['q', 'status', 'lifecycle_stage', 'eu_ai_act_class', 'organization_role', 'archived', 'sort'] as const;

export type SystemPage = ListPage<AiSystem>;

export async function listSystems(filters: SystemFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<SystemPage> {
  return fetchPage<AiSystem, '/api/v1/systems'>('/api/v1/systems', { query: { ...filters, cursor, limit }, signal });
}

/** How many systems match the filters (one item is fetched; `total` counts them all). */
export function countSystems(filters: SystemFilters, signal?: AbortSignal): Promise<number> {
  return countRows('/api/v1/systems', { query: filters, signal });
}

export type Versioned = WithEtag<'system', AiSystem>;

/** One AI system read, created or changed under If-Match. */
export const { get: getSystem, create: createSystem, update: updateSystem } = recordCalls('system', '/api/v1/systems', '/api/v1/systems/{id}');

export function archiveSystem(id: string): Promise<Versioned> {
  return versioned('system', api('post', '/api/v1/systems/{id}/archive', { path: { id } }));
}

export function restoreSystem(id: string): Promise<Versioned> {
  return versioned('system', api('post', '/api/v1/systems/{id}/restore', { path: { id } }));
}

/** The record's change history, newest first. */
export const getHistory = historyCall('/api/v1/systems/{id}/history');

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

/** A listed record as the overview shows it. */
export interface OverviewItem {
  id: string;
  number?: string;
  title?: string;
  name?: string;
  status?: string;
}

/** GET /api/v1/systems/{id}/overview: each part as its own list endpoint counts it. */
export interface SystemOverview {
  system: { id: string; name: string; status: string };
  /** Where the system stands in the AIMS scope (from the scope record only). */
  scope?: AiSystem['scope'];
  classification: {
    classified: boolean;
    class: string;
    roles: string[];
    recheck_needed: boolean;
    obligations: { total: number; by_status: Record<string, number> };
  };
  risks: {
    total: number;
    by_status: Record<string, number>;
    overdue_reviews: number;
    acceptance_lapsed: number;
    highest_residual: { level: { id: string; name: string; colour: string } } | null;
    items: OverviewItem[];
  };
  impact_assessments: { total: number; approved: number; reassessment_due: number; latest: OverviewItem | null };
  objectives: { total: number; off_track: number; items: OverviewItem[] };
  evidence: { total: number; items: OverviewItem[] };
  records: { kind: string; title: string; field: string; total: number; items: OverviewItem[] }[];
  history: HistoryEntry[];
  missing: { code: string; sentence: string; link: string }[];
}

export async function getOverview(id: string, signal?: AbortSignal): Promise<SystemOverview> {
  const { data } = await api('get', '/api/v1/systems/{id}/overview', { path: { id }, signal });
  return data as unknown as SystemOverview;
}
