// AI system impact assessment calls (SPEC §6; ISO/IEC 42001 6.1.4, 8.4, A.5): list, create, edit
// under If-Match, submit and approve, versions, the Art. 27 view, the thresholds and exports.
import { api, downloadFile, historyCall, recordCalls, versioned, type WithEtag } from '../../lib/api';
import { fetchPage, type ListFilters, type ListSort, type ListPage } from '../../lib/lists';
import type {
  SchemaImpactAssessment as ImpactAssessment, SchemaImpactAssessmentSummary as ImpactSummary,
  SchemaImpactAssessmentPatch as ImpactPatch, SchemaImpactAssessmentInput as ImpactInput, SchemaImpactEntry as ImpactEntry,
  SchemaImpactEntryInput as ImpactEntryInput, SchemaImpactInterestedParty as ImpactParty, SchemaImpactMeasure as ImpactMeasure,
  SchemaImpactVersion as ImpactVersion, SchemaImpactVersionSummary as ImpactVersionSummary, SchemaImpactFria as ImpactFria,
  SchemaImpactFriaElement as ImpactFriaElement, SchemaImpactSettings as ImpactSettings,
  SchemaImpactSettingsInput as ImpactSettingsInput, SchemaImpactHistoryEntry as ImpactHistoryEntry,
  SchemaImpactLevel as ImpactLevel, SchemaImpactStatus as ImpactStatus,
} from '../../lib/api-types';

export type {
  ImpactAssessment, ImpactSummary, ImpactPatch, ImpactInput, ImpactEntry, ImpactEntryInput, ImpactParty, ImpactMeasure,
  ImpactVersion, ImpactVersionSummary, ImpactFria, ImpactFriaElement, ImpactSettings, ImpactSettingsInput, ImpactHistoryEntry,
  ImpactLevel, ImpactStatus,
};

export type ImpactSort = ListSort<'/api/v1/impact-assessments'>;
/** The list filters (everything but paging), as they appear in the page URL. */
export type ImpactFilters = ListFilters<'/api/v1/impact-assessments'>;
export const filterKeys = ['q', 'system_id', 'status', 'outcome', 'reassessment_due', 'sort'] as const;

export type ImpactPage = ListPage<ImpactSummary>;

export type Versioned = WithEtag<'assessment', ImpactAssessment>;

export async function listImpact(filters: ImpactFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<ImpactPage> {
  return fetchPage<ImpactSummary, '/api/v1/impact-assessments'>('/api/v1/impact-assessments', { query: { ...filters, cursor, limit }, signal });
}

/** One impact assessment read, created or changed under If-Match. */
export const { get: getImpact, create: createImpact, update: updateImpact } = recordCalls('assessment', '/api/v1/impact-assessments', '/api/v1/impact-assessments/{id}');

export function submitImpact(id: string, etag: string | null): Promise<Versioned> {
  return versioned('assessment', api('post', '/api/v1/impact-assessments/{id}/submit', {
    path: { id },
    headers: etag ? { 'If-Match': etag } : {},
  }));
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

/** The record's change history, newest first. */
export const getHistory = historyCall('/api/v1/impact-assessments/{id}/history');

export function getSettings(signal?: AbortSignal): Promise<{ settings: ImpactSettings; etag: string | null }> {
  return versioned('settings', api('get', '/api/v1/impact-assessments/settings', { signal }));
}

export function putSettings(input: ImpactSettingsInput, etag: string): Promise<{ settings: ImpactSettings; etag: string | null }> {
  return versioned('settings', api('put', '/api/v1/impact-assessments/settings', { body: input, headers: { 'If-Match': etag } }));
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
