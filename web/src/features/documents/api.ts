// The controlled documents' workflow calls: versions, drafts, approval, diff, review and
// acknowledgements (the documents' fields are served by the generic record pages).
import { api, type Schemas } from '../../lib/api';

export type DocumentVersion = Schemas['DocumentVersion'];
export type DocumentDiff = Schemas['DocumentDiff'];
export type DocumentCoverage = Schemas['DocumentCoverage'];
export type MyAcknowledgements = Schemas['MyDocumentAcknowledgements'];

export async function listVersions(id: string, signal?: AbortSignal): Promise<DocumentVersion[]> {
  return (await api('get', '/api/v1/documents/{id}/versions', { path: { id }, signal })).data.items;
}

export async function getVersion(id: string, version: string, signal?: AbortSignal) {
  const r = await api('get', '/api/v1/documents/{id}/versions/{version}', { path: { id, version }, signal });
  return { version: r.data, etag: r.etag };
}

export async function startDraft(id: string, step: 'minor' | 'major'): Promise<DocumentVersion> {
  return (await api('post', '/api/v1/documents/{id}/versions', { path: { id }, body: { step } })).data;
}

export async function saveDraft(id: string, version: string, content: string, change_note: string, etag: string): Promise<DocumentVersion> {
  const r = await api('patch', '/api/v1/documents/{id}/versions/{version}', {
    path: { id, version },
    body: { content, change_note },
    headers: { 'If-Match': etag },
  });
  return r.data;
}

export async function submitVersion(id: string, version: string): Promise<DocumentVersion> {
  return (await api('post', '/api/v1/documents/{id}/versions/{version}/submit', { path: { id, version } })).data;
}

export async function decideVersion(id: string, version: string, approve: boolean, comment: string): Promise<DocumentVersion> {
  const body = comment ? { comment } : {};
  if (approve) return (await api('post', '/api/v1/documents/{id}/versions/{version}/approve', { path: { id, version }, body })).data;
  return (await api('post', '/api/v1/documents/{id}/versions/{version}/reject', { path: { id, version }, body })).data;
}

export async function diffVersions(id: string, from: string, to: string, signal?: AbortSignal): Promise<DocumentDiff> {
  return (await api('get', '/api/v1/documents/{id}/diff', { path: { id }, query: { from, to }, signal })).data;
}

export async function reviewDocument(id: string, note: string): Promise<void> {
  await api('post', '/api/v1/documents/{id}/review', { path: { id }, body: note ? { note } : {} });
}

export async function acknowledge(id: string): Promise<void> {
  await api('post', '/api/v1/documents/{id}/acknowledge', { path: { id } });
}

export async function coverage(id: string, signal?: AbortSignal): Promise<DocumentCoverage> {
  return (await api('get', '/api/v1/documents/{id}/acknowledgements', { path: { id }, signal })).data;
}

/** One page of the caller's documents to acknowledge (no cursor: the first). */
export async function myAcknowledgements(cursor?: string, signal?: AbortSignal): Promise<MyAcknowledgements> {
  return (await api('get', '/api/v1/document-acknowledgements', { query: { cursor }, signal })).data;
}
