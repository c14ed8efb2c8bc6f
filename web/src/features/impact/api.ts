// AI system impact assessment calls (SPEC §6; ISO/IEC 42001 6.1.4, 8.4, A.5): list, create, edit
// under If-Match, submit and approve, versions, the Art. 27 view, the thresholds and exports.
import { api, downloadFile, type Schemas } from '../../lib/api';
import { fetchPage, type ListFilters, type ListSort, type ListPage } from '../../lib/lists';

export type ImpactAssessment = Schemas['ImpactAssessment'];
export type ImpactSummary = Schemas['ImpactAssessmentSummary'];
export type ImpactPatch = Schemas['ImpactAssessmentPatch'];
export type ImpactInput = Schemas['ImpactAssessmentInput'];
export type ImpactEntry = Schemas['ImpactEntry'];
export type ImpactEntryInput = Schemas['ImpactEntryInput'];
export type ImpactParty = Schemas['ImpactInterestedParty'];
export type ImpactMeasure = Schemas['ImpactMeasure'];
export type ImpactVersion = Schemas['ImpactVersion'];
export type ImpactVersionSummary = Schemas['ImpactVersionSummary'];
export type ImpactFria = Schemas['ImpactFria'];
export type ImpactFriaElement = Schemas['ImpactFriaElement'];
export type ImpactSettings = Schemas['ImpactSettings'];
export type ImpactSettingsInput = Schemas['ImpactSettingsInput'];
export type ImpactHistoryEntry = Schemas['ImpactHistoryEntry'];
export type ImpactLevel = Schemas['ImpactLevel'];
export type ImpactStatus = Schemas['ImpactStatus'];

export type ImpactSort = ListSort<'/api/v1/impact-assessments'>;
/** The list filters (everything but paging), as they appear in the page URL. */
export type ImpactFilters = ListFilters<'/api/v1/impact-assessments'>;
export const filterKeys = ['q', 'system_id', 'status', 'outcome', 'reassessment_due', 'sort'] as const;

export type ImpactPage = ListPage<ImpactSummary>;

export interface Versioned {
  assessment: ImpactAssessment;
  etag: string | null;
}

export async function listImpact(filters: ImpactFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<ImpactPage> {
  return fetchPage<ImpactSummary, '/api/v1/impact-assessments'>('/api/v1/impact-assessments', { query: { ...filters, cursor, limit }, signal });
}

export async function getImpact(id: string, signal?: AbortSignal): Promise<Versioned> {
  const { data, etag } = await api('get', '/api/v1/impact-assessments/{id}', { path: { id }, signal });
  return { assessment: data, etag };
}

export async function createImpact(input: ImpactInput): Promise<ImpactAssessment> {
  const { data } = await api('post', '/api/v1/impact-assessments', { body: input });
  return data;
}

export async function updateImpact(id: string, patch: ImpactPatch, etag: string): Promise<Versioned> {
  const { data, etag: next } = await api('patch', '/api/v1/impact-assessments/{id}', { path: { id }, body: patch, headers: { 'If-Match': etag } });
  return { assessment: data, etag: next };
}

export async function submitImpact(id: string, etag: string | null): Promise<Versioned> {
  const { data, etag: next } = await api('post', '/api/v1/impact-assessments/{id}/submit', {
    path: { id },
    headers: etag ? { 'If-Match': etag } : {},
  });
  return { assessment: data, etag: next };
}

export async function approveImpact(id: string, note: string, etag: string | null): Promise<ImpactVersion> {
  const { data } = await api('post', '/api/v1/impact-assessments/{id}/approve', {
    path: { id },
    body: note.trim() ? { note: note.trim() } : {},
    headers: etag ? { 'If-Match': etag } : {},
  });
  return data;
}

export async function listVersions(id: string, signal?: AbortSignal): Promise<ImpactVersionSummary[]> {
  const { data } = await api('get', '/api/v1/impact-assessments/{id}/versions', { path: { id }, signal });
  return data.items;
}

export async function getVersion(id: string, n: number, signal?: AbortSignal): Promise<ImpactVersion> {
  const { data } = await api('get', '/api/v1/impact-assessments/{id}/versions/{n}', { path: { id, n }, signal });
  return data;
}

export async function getFria(id: string, version: number | undefined, signal?: AbortSignal): Promise<ImpactFria> {
  const { data } = await api('get', '/api/v1/impact-assessments/{id}/fria', { path: { id }, query: { version }, signal });
  return data;
}

export async function getHistory(id: string, cursor: string | undefined, signal?: AbortSignal): Promise<{ items: ImpactHistoryEntry[]; next?: string }> {
  const { data } = await api('get', '/api/v1/impact-assessments/{id}/history', { path: { id }, query: { cursor, limit: 50 }, signal });
  return data;
}

export async function getSettings(signal?: AbortSignal): Promise<{ settings: ImpactSettings; etag: string | null }> {
  const { data, etag } = await api('get', '/api/v1/impact-assessments/settings', { signal });
  return { settings: data, etag };
}

export async function putSettings(input: ImpactSettingsInput, etag: string): Promise<{ settings: ImpactSettings; etag: string | null }> {
  const { data, etag: next } = await api('put', '/api/v1/impact-assessments/settings', { body: input, headers: { 'If-Match': etag } });
  return { settings: data, etag: next };
}

export function exportImpact(id: string, ref: string, format: 'pdf' | 'json', version?: number): Promise<void> {
  return downloadFile(
    '/api/v1/impact-assessments/{id}/export',
    { format, version },
    `impact-assessment-${ref}-${version ? `v${version}` : 'working'}.${format}`,
    { id },
  );
}

/** AI systems to choose from when starting an assessment (active ones, by name). */
export async function systemChoices(signal?: AbortSignal): Promise<{ id: string; name: string }[]> {
  const { data } = await api('get', '/api/v1/systems', { query: { limit: 500, sort: 'name' }, signal });
  return data.items.map((s) => ({ id: s.id, name: ('name' in s ? s.name : undefined) ?? s.id }));
}
