// The certification cycle's calls: the cycle timeline, the stage 1 readiness checklist and its
// export, the stage 2 evidence index, and the body's audits with their findings (record kinds
// served by the generic record endpoints).
import { api, apiUntyped, downloadFile, type Schemas } from '../../lib/api';

export type Cycle = Schemas['CertificationCycle'];
export type Readiness = Schemas['CertificationReadiness'];
export type ReadinessItem = Readiness['items'][number];
export type EvidenceIndex = Schemas['CertificationEvidenceIndex'];
export type CertRef = Schemas['CertificationRef'];

export type ReadinessStatus = 'present' | 'missing' | 'out_of_date';
export type ReadinessArea = 'clauses' | 'controls';

export async function getCycle(signal?: AbortSignal): Promise<Cycle> {
  return (await api('get', '/api/v1/certification/cycle', { signal })).data;
}

export async function getReadiness(status: ReadinessStatus | '', area: ReadinessArea | '', signal?: AbortSignal): Promise<Readiness> {
  const query = { ...(status ? { status } : {}), ...(area ? { area } : {}) };
  return (await api('get', '/api/v1/certification/readiness', { query, signal })).data;
}

export async function downloadReadiness(format: 'csv' | 'json' | 'pdf', status: ReadinessStatus | '', area: ReadinessArea | ''): Promise<void> {
  const query = { format, ...(status ? { status } : {}), ...(area ? { area } : {}) };
  await downloadFile('/api/v1/certification/readiness/export', query, `stage 1 readiness.${format}`);
}

/** The evidence index; `onlyUnsupported`: only the clauses and controls with nothing to show (the summary counts every item). */
export async function getEvidenceIndex(onlyUnsupported: boolean, signal?: AbortSignal): Promise<EvidenceIndex> {
  const query = onlyUnsupported ? { supported: 'false' as const } : {};
  return (await api('get', '/api/v1/certification/evidence-index', { query, signal })).data;
}

/** The evidence index as a file for the certification body, with the page's filter. */
export async function downloadEvidenceIndex(format: 'csv' | 'json' | 'pdf', onlyUnsupported: boolean): Promise<void> {
  const query = { format, ...(onlyUnsupported ? { supported: 'false' as const } : {}) };
  await downloadFile('/api/v1/certification/evidence-index/export', query, `stage 2 evidence index.${format}`);
}

/** What the certification page reads of a certification audit (a field-driven record). */
export interface CertAudit {
  id: string;
  title: string;
  type: string;
  status: string;
  certificate_id: string | null;
  planned_start: string | null;
  actual_start: string | null;
  actual_end: string | null;
  auditors: string | null;
}

/** What the certification page reads of a certification finding (a field-driven record). */
export interface CertFinding {
  id: string;
  audit_id: string;
  type: string;
  requirement: string;
  description: string;
  nc_id: string | null;
}

interface Page<T> {
  items: T[];
  next?: string | null;
}

/** Every certification audit, newest planned start first (a cycle has a handful). */
export async function listAudits(signal?: AbortSignal): Promise<CertAudit[]> {
  return (await apiUntyped<Page<CertAudit>>('get', '/api/v1/certification-audits?limit=500&sort=-planned_start', { signal })).data.items;
}

/** Every finding of the certification audits. */
export async function listFindings(signal?: AbortSignal): Promise<CertFinding[]> {
  return (await apiUntyped<Page<CertFinding>>('get', '/api/v1/certification-findings?limit=500', { signal })).data.items;
}

/** The page that raises a nonconformity from an external finding (the nonconformity feature pre-fills it). */
export function raiseNcLink(f: CertFinding): string {
  const q = new URLSearchParams({ source: 'external_audit', source_ref: f.id, requirement: f.requirement, title: `${f.id}: ${f.description}`.slice(0, 200) });
  return `/nonconformities/new?${q.toString()}`;
}

export const typeLabels: Record<string, string> = {
  stage1: 'Stage 1', stage2: 'Stage 2', surveillance1: 'Surveillance 1', surveillance2: 'Surveillance 2', recertification: 'Recertification',
};
export const findingLabels: Record<string, string> = {
  major_nc: 'Major nonconformity', minor_nc: 'Minor nonconformity', observation: 'Observation', ofi: 'Opportunity for improvement',
};
export const stateLabels: Record<string, string> = {
  done: 'Done', in_progress: 'In progress', planned: 'Planned', due: 'Due', overdue: 'Overdue', not_recorded: 'Not recorded',
  present: 'Present', missing: 'Missing', out_of_date: 'Out of date',
  valid: 'Valid', suspended: 'Suspended', withdrawn: 'Withdrawn', expired: 'Expired',
};

/** The badge class of a state (milestone, checklist item or certificate). */
export function stateBadge(state: string): string {
  if (state === 'done' || state === 'present' || state === 'valid') return 'badge badge-ob-met';
  if (state === 'overdue' || state === 'missing' || state === 'withdrawn' || state === 'expired') return 'badge badge-ob-overdue';
  if (state === 'out_of_date' || state === 'suspended' || state === 'in_progress' || state === 'planned') return 'badge badge-ob-in';
  return 'badge badge-neutral';
}
