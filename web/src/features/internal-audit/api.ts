// The internal audit workflow calls: the audit with its ETag, its checklist, findings, requests,
// samples, report and sign-offs, its independence warnings and the programme's coverage (the
// audits', findings' and requests' fields are served by the generic record pages).
import { api, apiUntyped, downloadFile, type Schemas } from '../../lib/api';

export type ChecklistRow = Schemas['AuditChecklistRow'];
export type ChecklistPage = Schemas['AuditChecklistPage'];
export type Coverage = Schemas['AuditCoverage'];

export interface SampleItem {
  item: string;
  label: string;
  result: 'conforming' | 'nonconforming' | 'not_tested' | null;
}

export interface Sample {
  n: number;
  row: string | null;
  population: string;
  population_count: number;
  draw_from: 'numbers' | 'ai_systems';
  method: string;
  sample_size: number;
  seed: number;
  items: SampleItem[];
  drawn_by: string;
  drawn_at: string;
}

export interface SignOff {
  as: 'lead_auditor' | 'auditee';
  user_id: string;
  email: string;
  at: string;
  statement: string | null;
}

/** What the workflow reads of an audit (the generic record with the members the workflow writes). */
export interface Audit {
  id: string;
  version: number;
  title: string;
  status: 'planned' | 'in_progress' | 'reported' | 'signed_off' | 'cancelled';
  lead_auditor: string | null;
  team: string[] | null;
  system_ids: string[] | null;
  conclusion: string | null;
  signoffs: SignOff[];
  report_sha256: string | null;
  checklist_rows: number;
  samples: Sample[];
}

export interface Finding {
  id: string;
  version: number;
  audit_id: string;
  type: 'major_nc' | 'minor_nc' | 'observation' | 'ofi';
  requirement: string;
  title: string;
  description: string;
  nc_id: string | null;
}

export interface InfoRequest {
  id: string;
  version: number;
  title: string;
  owner: string;
  request: string | null;
  due_date: string;
  status: 'open' | 'answered' | 'closed';
  answer: string | null;
}

export interface Warning {
  auditor: string;
  auditor_email: string;
  kind: 'system' | 'risk' | 'soa_entry';
  record: string;
  reason: string;
}

const enc = encodeURIComponent;

export async function getAudit(id: string, signal?: AbortSignal): Promise<{ audit: Audit; etag: string }> {
  const r = await apiUntyped<Audit>('get', `/api/v1/internal-audits/${enc(id)}`, { signal });
  return { audit: r.data, etag: r.etag ?? `"v${r.data.version}"` };
}

export async function checklist(id: string, cursor: string | undefined, signal?: AbortSignal): Promise<ChecklistPage> {
  return (await api('get', '/api/v1/internal-audits/{id}/checklist', { path: { id }, query: { limit: 100, ...(cursor ? { cursor } : {}) }, signal })).data;
}

export interface RowInput {
  examined?: string;
  evidence_ids?: string[];
  record_refs?: string[];
  result?: ChecklistRow['result'];
}

export async function updateRow(id: string, row: ChecklistRow, body: RowInput): Promise<ChecklistRow> {
  return (await api('patch', '/api/v1/internal-audits/{id}/checklist/{row}', { path: { id, row: row.id }, body, headers: { 'If-Match': `"v${row.version}"` } })).data;
}

export async function start(id: string, etag: string): Promise<void> {
  await api('post', '/api/v1/internal-audits/{id}/start', { path: { id }, headers: { 'If-Match': etag } });
}

export async function report(id: string, conclusion: string, etag: string): Promise<void> {
  await api('post', '/api/v1/internal-audits/{id}/report', { path: { id }, body: { conclusion }, headers: { 'If-Match': etag } });
}

export async function signOff(id: string, as: SignOff['as'], statement: string, etag: string): Promise<void> {
  await api('post', '/api/v1/internal-audits/{id}/signoffs', { path: { id }, body: { as, ...(statement ? { statement } : {}) }, headers: { 'If-Match': etag } });
}

export interface SampleInput {
  row?: string;
  population: string;
  population_count?: number;
  draw_from: 'numbers' | 'ai_systems';
  method: string;
  sample_size: number;
  seed?: number;
}

export async function drawSample(id: string, body: SampleInput, etag: string): Promise<void> {
  await api('post', '/api/v1/internal-audits/{id}/samples', { path: { id }, body, headers: { 'If-Match': etag } });
}

export async function sampleResults(id: string, n: number, results: Record<string, SampleItem['result']>, etag: string): Promise<void> {
  await api('put', '/api/v1/internal-audits/{id}/samples/{n}/results', { path: { id, n: String(n) }, body: { results }, headers: { 'If-Match': etag } });
}

export async function findings(id: string, signal?: AbortSignal): Promise<Finding[]> {
  return (await apiUntyped<{ items: Finding[] }>('get', '/api/v1/audit-findings', { query: { audit_id: id, limit: 500 }, signal })).data.items;
}

export async function createFinding(body: Omit<Finding, 'id' | 'version' | 'nc_id'>): Promise<Finding> {
  return (await apiUntyped<Finding>('post', '/api/v1/audit-findings', { body })).data;
}

export async function requests(id: string, signal?: AbortSignal): Promise<InfoRequest[]> {
  return (await apiUntyped<{ items: InfoRequest[] }>('get', '/api/v1/audit-requests', { query: { audit_id: id, limit: 500 }, signal })).data.items;
}

export async function answerRequest(r: InfoRequest, answer: string): Promise<void> {
  await api('post', '/api/v1/audit-requests/{id}/answer', { path: { id: r.id }, body: { answer }, headers: { 'If-Match': `"v${r.version}"` } });
}

/** The NCs whose source is the finding (none when nonconformities are not served by this server). */
export async function ncsOf(findingId: string, signal?: AbortSignal): Promise<{ id: string; status: string }[]> {
  try {
    return (await apiUntyped<{ items: { id: string; status: string }[] }>('get', '/api/v1/nonconformities', { query: { source_ref: findingId }, signal })).data.items;
  } catch {
    return [];
  }
}

export async function independence(id: string, signal?: AbortSignal): Promise<Warning[]> {
  return (await apiUntyped<{ warnings: Warning[] }>('get', `/api/v1/internal-audits/${enc(id)}/independence`, { signal })).data.warnings;
}

export async function coverage(cycleStart: number, signal?: AbortSignal): Promise<Coverage> {
  return (await api('get', '/api/v1/audit-programme/coverage', { query: { cycle_start: cycleStart }, signal })).data;
}

export async function downloadReport(id: string): Promise<void> {
  await downloadFile('/api/v1/internal-audits/{id}/report', { format: 'pdf' }, `${id} audit report.pdf`, { id });
}

/** The link that opens the nonconformity form pre-filled from a finding (the NC pages own the form). */
export function raiseNcHref(f: Pick<Finding, 'id' | 'requirement' | 'title'>): string {
  const q = new URLSearchParams({ source: 'internal_audit', source_ref: f.id, requirement: f.requirement, title: f.title });
  return `/nonconformities/new?${q.toString()}`;
}
