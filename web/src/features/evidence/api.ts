// Evidence vault calls (SPEC §9). The upload goes through XMLHttpRequest, the one browser API that
// reports upload progress; everything else through the typed client.
import { api, recordCalls, type WithEtag, ApiError, baseHeaders, downloadFile } from '../../lib/api';
import { fetchPage, type ListFilters, type ListSort, type ListPage } from '../../lib/lists';
import { toProblem } from '../../lib/problem';
import { uploadQuery, type UploadMeta } from './evidence';
import type {
  SchemaEvidence as Evidence, SchemaEvidenceLink as EvidenceLink, SchemaEvidenceEvent as EvidenceEvent,
  SchemaEvidenceFreshness as EvidenceFreshness, SchemaEvidencePatch as EvidencePatch,
} from '../../lib/api-types';

export type { Evidence, EvidenceLink, EvidenceEvent, EvidenceFreshness, EvidencePatch };

export type EvidenceSort = ListSort<'/api/v1/evidence'>;
export type EvidenceFilters = ListFilters<'/api/v1/evidence'>;
export const filterKeys = ['q', 'classification', 'owner', 'linked_to', 'expiring_within', 'expired', 'deleted', 'sort'] as const;

export type EvidencePage = ListPage<Evidence>;

export async function listEvidence(filters: EvidenceFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<EvidencePage> {
  return fetchPage<Evidence, '/api/v1/evidence'>('/api/v1/evidence', { query: { ...filters, cursor, limit }, signal });
}

export type Versioned = WithEtag<'evidence', Evidence>;

/** One evidence read or changed under If-Match. */
export const { get: getEvidence, update: updateEvidence } = recordCalls('evidence', '/api/v1/evidence', '/api/v1/evidence/{id}');

export async function deleteEvidence(id: string, etag: string): Promise<void> {
  await api('delete', '/api/v1/evidence/{id}', { path: { id }, headers: { 'If-Match': etag } });
}

export async function listLinks(id: string, signal?: AbortSignal): Promise<EvidenceLink[]> {
  const { data } = await api('get', '/api/v1/evidence/{id}/links', { path: { id }, signal });
  return data.items;
}

export async function addLink(id: string, target: string, note?: string): Promise<EvidenceLink> {
  const { data } = await api('post', '/api/v1/evidence/{id}/links', { path: { id }, body: { target, ...(note ? { note } : {}) } });
  return data;
}

export async function removeLink(id: string, target: string): Promise<void> {
  await api('delete', '/api/v1/evidence/{id}/links/{link}', { path: { id, link: target } });
}

export async function listEvents(id: string, cursor: string | undefined, signal?: AbortSignal): Promise<{ items: EvidenceEvent[]; next?: string }> {
  const { data } = await api('get', '/api/v1/evidence/{id}/events', { path: { id }, query: { cursor, limit: 100 }, signal });
  return data;
}

export async function getFreshness(signal?: AbortSignal): Promise<EvidenceFreshness> {
  const { data } = await api('get', '/api/v1/evidence/freshness', { signal });
  return data;
}

/** Downloads the file with the session's headers; the browser saves it (never shows it). */
export async function downloadEvidence(e: Evidence): Promise<void> {
  await downloadFile('/api/v1/evidence/{id}/content', undefined, e.filename, { id: e.id });
}

export interface UploadResult {
  evidence: Evidence;
  /** False when the same bytes were in the vault already (the existing evidence is answered). */
  created: boolean;
}

/**
 * Uploads a file as the request body, reporting progress as a fraction 0..1. Rejects with an
 * ApiError carrying the server's problem (413 too large, 422 name and content disagree, …).
 */
export function uploadEvidence(file: File, meta: UploadMeta, links: string[], onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/evidence${uploadQuery(file.name, meta, links)}`);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(baseHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 201) {
        onProgress(1);
        resolve({ evidence: JSON.parse(xhr.responseText) as Evidence, created: xhr.status === 201 });
      } else {
        reject(new ApiError(toProblem(xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader('content-type'))));
      }
    };
    xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'The upload did not reach the server', status: 0 }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
