// Who changed what and when (GET /systems/{id}/history), newest first.
import { RecordHistory } from '../../../components/records/RecordHistory';
import { getHistory, type HistoryEntry } from '../api';
import { allFields, fieldLabel } from '../fields';

const operationLabels: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Updated',
  archive: 'Archived',
  restore: 'Restored',
  import: 'Imported',
  classify: 'Classified (EU AI Act)',
};

/** A history value for people: lists joined, empty shown as a dash. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => showValue(x)).join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A changed field's value in words: enumerations by their label, the rest as showValue. */
export function showFieldValue(field: string, v: unknown): string {
  const def = allFields.find((f) => f.key === field);
  if (def?.kind === 'select' && typeof v === 'string' && v) return def.options[v] ?? v;
  return showValue(v);
}

export function HistoryTab({ systemId, version }: { systemId: string; version: number }) {
  return (
    <RecordHistory<HistoryEntry>
      load={getHistory} recordId={systemId} version={version}
      operationLabels={operationLabels} recordType="system"
      changes={(h) => h.changes}
      skipEmpty
      fieldLabel={fieldLabel}
      showValue={showFieldValue}
    />
  );
}
