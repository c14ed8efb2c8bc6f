// Who changed what and when (GET /risks/{id}/history), newest first.
import { RecordHistory } from '../../../components/records/RecordHistory';
import { getRiskHistory, type RiskHistoryEntry } from '../api';

const operationLabels: Record<RiskHistoryEntry['operation'], string> = {
  create: 'Registered',
  update: 'Updated',
  accept: 'Accepted',
  withdraw_acceptance: 'Acceptance withdrawn',
};

const fieldNames: Record<string, string> = {
  system_id: 'AI system',
  risk_sources: 'Risk sources',
  inherent_likelihood: 'Inherent likelihood',
  inherent_impact: 'Inherent impact',
  existing_controls: 'Existing controls',
  treatment_plan: 'Treatment plan',
  planned_controls: 'Planned controls',
  residual_likelihood: 'Residual likelihood',
  residual_impact: 'Residual impact',
  residual_rationale: 'Residual rationale',
  due_date: 'Treatment due',
  review_date: 'Next review',
};

export function fieldName(field: string): string {
  return fieldNames[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replace(/_/g, ' ');
}

/** A changed value in words: an acceptance as who/until, lists joined, empty as a dash. */
export function showChange(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'object') {
    const a = v as Record<string, string>;
    if (a.accepted_by) return `accepted by ${a.accepted_by} until ${a.expires_on}${a.withdrawn_at ? `, withdrawn by ${a.withdrawn_by}` : ''}`;
    return JSON.stringify(v);
  }
  return String(v);
}

export function RiskHistory({ riskId, version }: { riskId: string; version: number }) {
  return (
    <RecordHistory<RiskHistoryEntry>
      load={getRiskHistory} recordId={riskId} version={version}
      operationLabels={operationLabels} recordType="risk"
      operationBadge={(h) => (h.operation === 'create' ? 'create' : 'update')}
      fieldLabel={fieldName}
      showValue={(_field, v) => showChange(v)}
    />
  );
}
