// The management review's workflow calls: the review with its ETag, attendance, the start (the
// input pack frozen), the frozen pack, the decisions (review actions), the sign-off and the PDF
// minutes (the reviews' and actions' fields are served by the generic record pages).
import { api, apiUntyped, downloadFile, type Schemas } from '../../lib/api';

export type Attendance = Schemas['ManagementReviewAttendance'];
export type Pack = Schemas['ManagementReviewPack'];
export type PackSection = Schemas['ManagementReviewPackSection'];

/** What the workflow reads of a review (the generic record with the members the workflow writes). */
export interface Review {
  id: string;
  version: number;
  title: string;
  planned_on: string;
  status: 'planned' | 'in_progress' | 'signed_off';
  held_on: string | null;
  pack_hash: string | null;
  signed_off_by: string | null;
  signed_off_at: string | null;
  sign_off_hash: string | null;
  archived: boolean;
  suitability: string | null;
  suitability_text: string | null;
  adequacy: string | null;
  adequacy_text: string | null;
  effectiveness: string | null;
  effectiveness_text: string | null;
}

/** A decision of the review: a review action (MRA-). */
export interface Decision {
  id: string;
  type: 'improvement' | 'aims_change' | 'resources';
  title: string;
  owner: string;
  due_date: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
}

const base = (id: string) => `/api/v1/management-reviews/${encodeURIComponent(id)}`;

export async function getReview(id: string, signal?: AbortSignal): Promise<{ review: Review; etag: string }> {
  const r = await apiUntyped<Review>('get', base(id), { signal });
  return { review: r.data, etag: r.etag ?? `"v${r.data.version}"` };
}

export async function getAttendance(id: string, signal?: AbortSignal): Promise<Attendance> {
  return (await api('get', '/api/v1/management-reviews/{id}/attendance', { path: { id }, signal })).data;
}

export async function startReview(id: string, etag: string): Promise<void> {
  await api('post', '/api/v1/management-reviews/{id}/start', { path: { id }, headers: { 'If-Match': etag } });
}

export async function getPack(id: string, signal?: AbortSignal): Promise<Pack> {
  return (await api('get', '/api/v1/management-reviews/{id}/pack', { path: { id }, signal })).data;
}

export async function signOffReview(id: string, etag: string): Promise<void> {
  await api('post', '/api/v1/management-reviews/{id}/sign-off', { path: { id }, headers: { 'If-Match': etag } });
}

export async function listDecisions(id: string, signal?: AbortSignal): Promise<Decision[]> {
  const r = await apiUntyped<{ items: Decision[] }>('get', '/api/v1/review-actions', { query: { review_id: id, limit: 500 }, signal });
  return r.data.items ?? [];
}

export async function addDecision(body: Omit<Decision, 'id' | 'status'> & { review_id: string }): Promise<Decision> {
  return (await apiUntyped<Decision>('post', '/api/v1/review-actions', { body })).data;
}

export async function downloadMinutes(id: string): Promise<void> {
  await downloadFile('/api/v1/management-reviews/{id}/minutes', undefined, `${id} minutes.pdf`, { id });
}
