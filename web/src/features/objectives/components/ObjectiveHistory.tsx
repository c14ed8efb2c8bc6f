// Who changed the objective and when, and which readings were added and deleted, newest first.
import { RecordHistory } from '../../../components/records/RecordHistory';
import { getHistory, type ObjectiveHistoryEntry } from '../api';
import { fieldLabels } from './ObjectiveForm';

const operationLabels: Record<ObjectiveHistoryEntry['operation'], string> = {
  create: 'Created',
  update: 'Updated',
  reading_added: 'Reading added',
  reading_deleted: 'Reading deleted',
};

const readingFields: Record<string, string> = {
  reading_id: 'Reading',
  value: 'Value',
  measured_on: 'Measured on',
  note: 'Note',
  recorded_by: 'Recorded by',
};

/** A value of a change for people. */
export function showChange(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) {
    if (!v.length) return '—';
    return v.map((x) => (x && typeof x === 'object' && 'action' in x ? String((x as { action: unknown }).action) : showChange(x))).join('; ');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function ObjectiveHistory({ objectiveId, version }: { objectiveId: string; version: string }) {
  return (
    <RecordHistory<ObjectiveHistoryEntry>
      load={getHistory} recordId={objectiveId} version={version}
      testId="objective-history"
      entryKey={(h) => `${h.record}-${h.version}`}
      operationLabels={operationLabels}
      operationBadge={(h) => (h.operation === 'reading_added' ? 'create' : h.operation === 'reading_deleted' ? 'archive' : h.operation)}
      showVersion={(h) => h.record === 'objective'}
      skipEmpty
      fieldLabel={(field, h) => (h.record === 'reading' ? readingFields : fieldLabels)[field] ?? field}
      showValue={(_field, v) => showChange(v)}
    />
  );
}
