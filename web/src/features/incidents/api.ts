// The AI incidents' workflow calls: the incident with its ETag, qualification, reports, clocks and
// the clocks board, the export as JSON or PDF (the incidents' fields are served by the generic
// record pages).
import { api, apiUntyped, downloadFile, type Schemas } from '../../lib/api';

export type IncidentClock = Schemas['IncidentClock'];
export type IncidentReport = Schemas['IncidentReport'];
export type ClocksBoard = Schemas['IncidentClocksBoard'];

/** What the workflow reads of an incident (the generic record with the members the workflow writes). */
export interface Incident {
  id: string;
  version: number;
  title: string;
  status: string;
  serious: boolean | null;
  harm_category: string | null;
  qualification: {
    serious: boolean;
    high_risk: boolean;
    eu_class: string;
    roles: string[];
    harm_category: string;
    death: boolean;
    widespread_infringement: boolean;
    causal_link: string;
    rationale: string;
    outcome: string;
    qualified_by: string;
    qualified_at: string;
  } | null;
  next_deadline: string | null;
}

export async function getIncident(id: string, signal?: AbortSignal): Promise<{ incident: Incident; etag: string }> {
  const r = await apiUntyped<Incident>('get', `/api/v1/incidents/${encodeURIComponent(id)}`, { signal });
  return { incident: r.data, etag: r.etag ?? `"v${r.data.version}"` };
}

export interface Qualification {
  harm_category: 'a' | 'b' | 'c' | 'd' | 'none';
  death: boolean;
  widespread_infringement: boolean;
  causal_link: 'established' | 'reasonably_likely' | 'none';
  rationale: string;
}

export async function qualify(id: string, body: Qualification, etag: string): Promise<void> {
  await api('post', '/api/v1/incidents/{id}/qualification', { path: { id }, body, headers: { 'If-Match': etag } });
}

export interface ReportInput {
  type: 'initial' | 'follow_up' | 'final';
  recipient_kind: 'authority' | 'provider';
  recipient: string;
  sent_at: string;
  reference?: string;
  content: string;
}

export async function sendReport(id: string, body: ReportInput, etag: string): Promise<IncidentReport> {
  return (await api('post', '/api/v1/incidents/{id}/reports', { path: { id }, body, headers: { 'If-Match': etag } })).data;
}

export async function listReports(id: string, signal?: AbortSignal): Promise<IncidentReport[]> {
  return (await api('get', '/api/v1/incidents/{id}/reports', { path: { id }, signal })).data.items ?? [];
}

export async function getClocks(id: string, signal?: AbortSignal): Promise<IncidentClock[]> {
  return (await api('get', '/api/v1/incidents/{id}/clocks', { path: { id }, signal })).data.clocks ?? [];
}

export async function clocksBoard(state: 'open' | 'overdue', cursor: string | undefined, signal?: AbortSignal): Promise<ClocksBoard> {
  return (await api('get', '/api/v1/incident-clocks', { query: { state, limit: 50, ...(cursor ? { cursor } : {}) }, signal })).data;
}

/** Downloads the incident's export (JSON, or the PDF report for an authority or an auditor). */
export async function downloadIncident(id: string, format: 'json' | 'pdf'): Promise<void> {
  await downloadFile('/api/v1/incidents/{id}/export', { format }, `${id} incident.${format}`, { id });
}
