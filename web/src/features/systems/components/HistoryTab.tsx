// Who changed what and when (GET /systems/{id}/history), newest first.
import { RecordHistory } from '../../../components/records/RecordHistory';
import { getHistory, type HistoryEntry } from '../api';
import { allFields, fieldLabel } from '../fields';

const operationLabels: Record<HistoryEntry['operation'], string> = {
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
  if (def?.kind === 'select' && typeof v === 'string') return def.options[v] ?? v;
  return showValue(v);
}

/** Changes worth a row: on creation, fields left empty are noise. */
function visibleChanges(h: HistoryEntry) {
  return h.changes.filter((c) => showValue(c.from) !== '—' || showValue(c.to) !== '—');
}

export function HistoryTab({ systemId, version }: { systemId: string; version: number }) {
  return (
    <RecordHistory<HistoryEntry>
      load={(cursor, signal) => getHistory(systemId, cursor, signal)}
      deps={[systemId, version]}
      testId="history"
      expect={{ record_type: 'system', record_id: systemId }}
      operationLabel={(h) => operationLabels[h.operation] ?? h.operation}
      changes={visibleChanges}
      fieldLabel={fieldLabel}
      showValue={showFieldValue}
    />
  );
}
