// Statement of Applicability calls (SPEC §5): the working copy, entry edits, approved versions,
// diffs and the export.
import { api, downloadFile, type Schemas } from '../../lib/api';

export type Soa = Schemas['Soa'];
export type SoaEntry = Schemas['SoaEntry'];
export type SoaEntryPatch = Schemas['SoaEntryPatch'];
export type SoaSummary = Schemas['SoaSummary'];
export type SoaVersion = Schemas['SoaVersion'];
export type SoaVersionSummary = Schemas['SoaVersionSummary'];
export type SoaDiff = Schemas['SoaDiff'];

export async function getSoa(signal?: AbortSignal): Promise<Soa> {
  const { data } = await api('get', '/api/v1/soa', { signal });
  return data;
}

/** Saves one entry; `version` 0 means never edited (If-Match "v0"). */
export async function updateEntry(controlId: string, patch: SoaEntryPatch, version: number): Promise<SoaEntry> {
  const { data } = await api('patch', '/api/v1/soa/entries/{control_id}', {
    path: { control_id: controlId },
    body: patch,
    headers: { 'If-Match': `"v${version}"` },
  });
  return data;
}

export async function listVersions(signal?: AbortSignal): Promise<SoaVersionSummary[]> {
  const { data } = await api('get', '/api/v1/soa/versions', { signal });
  return data.items;
}

export async function approveVersion(note: string): Promise<SoaVersion> {
  const { data } = await api('post', '/api/v1/soa/versions', { body: note ? { note } : {} });
  return data;
}

export async function getVersion(n: number, signal?: AbortSignal): Promise<SoaVersion> {
  const { data } = await api('get', '/api/v1/soa/versions/{n}', { path: { n }, signal });
  return data;
}

/** Changes from version `from` to version `to` (a number or `working`). */
export async function diffVersions(from: string, to: string, signal?: AbortSignal): Promise<SoaDiff> {
  const { data } = await api('get', '/api/v1/soa/diff', { query: { from, to }, signal });
  return data;
}

export type SoaExportFormat = 'csv' | 'xlsx' | 'pdf' | 'json';

export function exportSoa(format: SoaExportFormat, version?: number): Promise<void> {
  return downloadFile('/api/v1/soa/export', { format, version }, `statement-of-applicability${version ? `-v${version}` : ''}.${format}`);
}

/** Ids and titles of the Annex A areas (A.2 … A.10), for grouping and the area filter. */
export async function listAreas(signal?: AbortSignal): Promise<{ id: string; title: string }[]> {
  const { data } = await api('get', '/api/v1/catalog/frameworks/{framework}/items', {
    path: { framework: 'iso42001' },
    query: { kind: 'annex_a_area', limit: 100 },
    signal,
  });
  return data.items.map((i) => ({ id: i.id, title: i.title }));
}
