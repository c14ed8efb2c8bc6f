// Register snapshots: a dated, frozen copy of the AI system inventory, the risk register or the
// SoA, approved by named approvers through the controlled-document approval.
import { api, downloadFile, type Schemas } from '../../lib/api';

export type Snapshot = Schemas['Snapshot'];
export type Register = Snapshot['register'];

export const registerTitles: Record<Register, string> = {
  inventory: 'AI system inventory',
  risk_register: 'AI risk register',
  soa: 'Statement of Applicability',
};

export const statusLabels: Record<Snapshot['status'], string> = {
  draft: 'Draft',
  in_approval: 'In approval',
  approved: 'Approved',
  rejected: 'Rejected',
};

export async function listSnapshots(register: Register, signal?: AbortSignal): Promise<Snapshot[]> {
  return (await api('get', '/api/v1/snapshots', { query: { register, limit: 20 }, signal })).data.items;
}

export async function createSnapshot(register: Register): Promise<Snapshot> {
  return (await api('post', '/api/v1/snapshots', { body: { register } })).data;
}

export async function getSnapshot(id: string, signal?: AbortSignal): Promise<Snapshot> {
  return (await api('get', '/api/v1/snapshots/{id}', { path: { id }, signal })).data;
}

export async function submitSnapshot(id: string, approvers: string[]): Promise<Snapshot> {
  return (await api('post', '/api/v1/snapshots/{id}/submit', { path: { id }, body: { approvers } })).data;
}

export async function decideSnapshot(id: string, approve: boolean, comment: string): Promise<Snapshot> {
  const body = comment ? { comment } : {};
  if (approve) return (await api('post', '/api/v1/snapshots/{id}/approve', { path: { id }, body })).data;
  return (await api('post', '/api/v1/snapshots/{id}/reject', { path: { id }, body })).data;
}

export function downloadSnapshot(id: string): Promise<void> {
  return downloadFile('/api/v1/snapshots/{id}/download', undefined, `${id}.json`, { id });
}
