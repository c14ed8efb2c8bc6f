// Risk register and risk criteria calls (SPEC §6; ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3).
import { api, historyCall, recordCalls, versioned, type WithEtag } from '../../lib/api';
import { fetchPage, type ListFilters, type ListSort, type ListPage } from '../../lib/lists';
import type {
  SchemaRisk as Risk, SchemaRiskInput as RiskInput, SchemaRiskPatch as RiskPatch, SchemaRiskCriteria as RiskCriteria,
  SchemaRiskCriteriaInput as RiskCriteriaInput, SchemaRiskHeatmap as RiskHeatmap, SchemaRiskHistoryEntry as RiskHistoryEntry,
  SchemaRiskLevel as RiskLevel,
} from '../../lib/api-types';

export type { Risk, RiskInput, RiskPatch, RiskCriteria, RiskCriteriaInput, RiskHeatmap, RiskHistoryEntry, RiskLevel };

export type RiskSort = ListSort<'/api/v1/risks'>;
/** The list filters (everything but paging), as they appear in the page URL. */
export type RiskFilters = ListFilters<'/api/v1/risks'>;

export const riskFilterKeys = [
  'q',
  'system_id',
  'status',
  'inherent_level',
  'residual_level',
  'owner',
  'treatment',
  'overdue',
  'acceptance',
  'control',
  'inherent_likelihood',
  'inherent_impact',
  'residual_likelihood',
  'residual_impact',
  'sort',
] as const;

export interface RiskPage extends ListPage<Risk> {
  overdue_reviews: number;
}

export async function listRisks(filters: RiskFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<RiskPage> {
  return (await fetchPage<Risk, '/api/v1/risks'>('/api/v1/risks', { query: { ...filters, cursor, limit }, signal })) as RiskPage;
}

export type VersionedRisk = WithEtag<'risk', Risk>;

/** One risk read, created or changed under If-Match. */
export const { get: getRisk, create: createRisk, update: updateRisk } = recordCalls('risk', '/api/v1/risks', '/api/v1/risks/{id}');

export function acceptRisk(id: string, rationale: string, expiresOn: string, etag: string): Promise<VersionedRisk> {
  return versioned('risk', api('post', '/api/v1/risks/{id}/acceptance', {
    path: { id },
    body: { rationale, expires_on: expiresOn },
    headers: { 'If-Match': etag },
  }));
}

export function withdrawAcceptance(id: string, reason: string, etag: string): Promise<VersionedRisk> {
  return versioned('risk', api('post', '/api/v1/risks/{id}/acceptance/withdraw', {
    path: { id },
    body: reason ? { reason } : {},
    headers: { 'If-Match': etag },
  }));
}

/** The record's change history, newest first. */
export const getRiskHistory = historyCall('/api/v1/risks/{id}/history');

export async function getHeatmap(systemId: string | undefined, signal?: AbortSignal): Promise<RiskHeatmap> {
  const { data } = await api('get', '/api/v1/risks/heatmap', { query: { system_id: systemId }, signal });
  return data;
}

export type VersionedCriteria = WithEtag<'criteria', RiskCriteria>;

export function getCriteria(signal?: AbortSignal): Promise<VersionedCriteria> {
  return versioned('criteria', api('get', '/api/v1/risk-criteria', { signal }));
}

export function putCriteria(input: RiskCriteriaInput, etag: string): Promise<VersionedCriteria> {
  return versioned('criteria', api('put', '/api/v1/risk-criteria', { body: input, headers: { 'If-Match': etag } }));
}
