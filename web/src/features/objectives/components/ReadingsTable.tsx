// The readings of an objective as a table, newest first: the chart's text alternative, with delete
// (managers and admins, after confirmation; the history keeps the reading).
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { errorMessage } from '../../../lib/api';
import { formatDateTime } from '../../../lib/labels';
import { ConfirmDialog, isUnreadable, UnreadableRow } from '../../../lib/ui';
import { deleteReading, type Objective, type ObjectiveReading } from '../api';
import { formatDay, formatValue } from '../labels';
import { DerivedBadge } from './badges';

/** Rows shown before "Show all": a year of monthly readings. */
const FIRST_ROWS = 12;

interface Props {
  objective: Objective;
  readings: ObjectiveReading[];
  canDelete: boolean;
  tableId: string;
  onDeleted: () => void;
}

export function ReadingsTable({ objective, readings, canDelete, tableId, onDeleted }: Props) {
  const [doomed, setDoomed] = useState<ObjectiveReading | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...readings].reverse();
  const rows = showAll ? newestFirst : newestFirst.slice(0, FIRST_ROWS);

  async function confirmDelete() {
    if (!doomed) return;
    setBusy(true);
    setError(null);
    try {
      await deleteReading(objective.id, doomed.id);
      setDoomed(null);
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <DataTable
        columns={['Measured on', 'Value', 'Status', 'Note', { label: 'Recorded', className: 'col-optional' }, ...(canDelete ? [{ label: 'Actions', hidden: true }] : [])]}
        className="table-compact"
        id={tableId}
        testId="readings-table"
        caption={<>Readings of {objective.measure}, newest first</>}
      >
        {rows.map((r) =>
          isUnreadable(r) ? (
            <UnreadableRow key={r.id} item={r} columns={canDelete ? 6 : 5} />
          ) : (
          <tr key={r.id}>
            <td className="nowrap">{formatDay(r.measured_on)}</td>
            <td className="nowrap">{formatValue(r.value, objective.unit)}</td>
            <td>
              <DerivedBadge status={r.status} />
            </td>
            <td>{r.note || <span className="muted">—</span>}</td>
            <td className="col-optional small muted">
              {formatDateTime(r.recorded_at)} by {r.recorded_by}
            </td>
            {canDelete ? (
              <td>
                <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setDoomed(r)} aria-label={`Delete the reading of ${formatDay(r.measured_on)}`}>
                  Delete
                </button>
              </td>
            ) : null}
          </tr>
        )
        )}
      </DataTable>
      {newestFirst.length > rows.length ? (
        <button type="button" className="btn btn-sm" onClick={() => setShowAll(true)} data-testid="show-all-readings">
          Show all {newestFirst.length} readings
        </button>
      ) : null}
      <ConfirmDialog
        open={doomed !== null}
        title="Delete this reading?"
        confirmLabel="Delete reading"
        danger
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          setDoomed(null);
          setError(null);
        }}
      >
        {doomed ? (
          <p>
            The reading of {formatValue(doomed.value, objective.unit)} measured on {formatDay(doomed.measured_on)} will be removed from the
            chart and the derived status. The objective&apos;s history keeps a record of it and of who deleted it.
          </p>
        ) : null}
        {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      </ConfirmDialog>
    </>
  );
}
