// Audit log calls (SPEC §9): the signed checkpoint, the public key, entries, proofs and the export.
import { api, downloadFile } from '../../lib/api';
import type {
  SchemaAuditCheckpoint as AuditCheckpoint, SchemaAuditPublicKey as AuditPublicKey, SchemaAuditEntry as AuditEntry,
  SchemaAuditInclusionProof as AuditInclusionProof, SchemaAuditOperation as AuditOperation,
} from '../../lib/api-types';

export type { AuditCheckpoint, AuditPublicKey, AuditEntry, AuditInclusionProof, AuditOperation };

export async function getCheckpoint(signal?: AbortSignal): Promise<AuditCheckpoint> {
  const { data } = await api('get', '/api/v1/audit/checkpoint', { signal });
  return data;
}

export async function getPublicKey(signal?: AbortSignal): Promise<AuditPublicKey> {
  const { data } = await api('get', '/api/v1/audit/public-key', { signal });
  return data;
}

export async function getProof(seq: number, size: number, signal?: AbortSignal): Promise<AuditInclusionProof> {
  const { data } = await api('get', '/api/v1/audit/entries/{seq}/proof', { path: { seq }, query: { size }, signal });
  return data;
}

export function exportLog(): Promise<void> {
  return downloadFile('/api/v1/audit/export', undefined, 'audit-log.jsonl');
}

/** The auditor package: records, evidence files, the log, its checkpoint and a manifest, as one ZIP. */
export function downloadAuditPack(): Promise<void> {
  return downloadFile('/api/v1/audit/pack', undefined, 'audit-pack.zip');
}
