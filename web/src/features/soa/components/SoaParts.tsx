// Pieces shared by the SoA pages: the summary bar, badges and the read-only value cells.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { labelOf, optionsOf } from '../../../lib/labels';
import type { SoaEntry, SoaExportFormat, SoaSummary } from '../api';
import { implementationLabels, type ImplementationStatus } from '../labels';

const statusOrder: ImplementationStatus[] = ['implemented', 'partial', 'planned', 'not_started'];

/** One bar: the applicable controls by implementation status, and the exclusions beside it. */
export function SummaryBar({ summary, testId }: { summary: SoaSummary; testId?: string }) {
  const applicable = summary.applicable;
  const total = applicable + summary.excluded;
  return (
    <div className="soa-summary" data-testid={testId}>
      <div className="soa-summary-figures">
        <span>
          <strong data-testid="soa-applicable">{applicable}</strong> of {total} controls applicable
        </span>
        <span>
          <strong data-testid="soa-excluded">{summary.excluded}</strong> excluded
        </span>
        <span>
          <strong data-testid="soa-implemented">{summary.implemented}</strong> implemented
        </span>
      </div>
      <div className="stack-bar" role="img" aria-label={statusOrder.map((s) => `${summary[s]} ${implementationLabels[s].toLowerCase()}`).join(', ') + `, ${summary.excluded} excluded`}>
        {statusOrder.map((s) =>
          summary[s] ? <span key={s} className={`stack-seg seg-${s}`} style={{ flexGrow: summary[s] }} title={`${implementationLabels[s]}: ${summary[s]}`} /> : null,
        )}
        {summary.excluded ? <span className="stack-seg seg-excluded" style={{ flexGrow: summary.excluded }} title={`Excluded: ${summary.excluded}`} /> : null}
      </div>
      <ul className="stack-legend">
        {statusOrder.map((s) => (
          <li key={s}>
            <span className={`legend-swatch seg-${s}`} aria-hidden="true" /> {implementationLabels[s]} {summary[s]}
          </li>
        ))}
        <li>
          <span className="legend-swatch seg-excluded" aria-hidden="true" /> Excluded {summary.excluded}
        </li>
      </ul>
    </div>
  );
}

export function ApplicableBadge({ value }: { value: boolean }) {
  return value ? <span className="badge badge-applicable">Applicable</span> : <span className="badge badge-excluded">Excluded</span>;
}

export function ImplementationBadge({ value }: { value: ImplementationStatus }) {
  return <span className={`badge badge-impl-${value}`}>{labelOf(implementationLabels, value)}</span>;
}

export const implementationOptions = optionsOf(implementationLabels);

/** The control's answer in the newest assessment that answered it. */
export function LatestAnswer({ value, levelName }: { value: SoaEntry['latest_answer']; levelName?: (n: number) => string | undefined }) {
  if (!value) return <span className="muted">Not assessed</span>;
  const label = value.not_applicable ? 'Not applicable' : value.maturity === null ? 'Skipped' : `${value.maturity}${levelName?.(value.maturity) ? ` · ${levelName(value.maturity)}` : ''}`;
  return (
    <span className="latest-answer">
      <span className={value.not_applicable ? 'muted' : undefined}>{label}</span>
      <Link className="cell-sub" to={`/assessments/${encodeURIComponent(value.assessment_id)}/results`} title={value.assessment_name}>
        {value.assessment_name}
      </Link>
    </span>
  );
}

/** The risks whose treatment selects the control: "Treats R-3, R-12", each a link to the risk. */
export function LinkedRisks({ ids, applicable }: { ids: readonly string[] | undefined; applicable?: boolean }) {
  if (!ids?.length) return null;
  return (
    <div className="ref-list" data-testid="linked-risks">
      <span className="ref-label">Treats</span>{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i ? ', ' : ''}
          <Link to={`/risks/${encodeURIComponent(id)}`}>{id}</Link>
        </span>
      ))}
      {applicable === false ? <span className="field-error"> — excluded, yet selected to treat these risks</span> : null}
    </div>
  );
}

export function RefList({ label, items }: { label: string; items: readonly string[] }) {
  if (!items.length) return null;
  return (
    <div className="ref-list">
      <span className="ref-label">{label}:</span> {items.join('; ')}
    </div>
  );
}

const exportFormats: { format: SoaExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'pdf', label: 'PDF' },
  { format: 'json', label: 'JSON' },
];

/** The export buttons: one per file format the server offers. */
export function ExportButtons({ onExport }: { onExport: (format: SoaExportFormat) => void }) {
  return (
    <div className="btn-group" role="group" aria-label="Export">
      <span className="btn-group-label">Export</span>
      {exportFormats.map((f) => (
        <button key={f.format} type="button" className="btn btn-sm" onClick={() => onExport(f.format)} data-testid={`soa-export-${f.format}`}>
          {f.label}
        </button>
      ))}
    </div>
  );
}

type ControlRow = Pick<SoaEntry, 'control_id' | 'title' | 'applicable'> & { implementation_status: ImplementationStatus };

/** The first two cells of a control's row: its id and title, then whether it applies and how far it is implemented (and more, as children). */
export function ControlCells({ entry: e, children }: { entry: ControlRow; children?: ReactNode }) {
  return (
    <>
      <td className="soa-control">
        <span className="tree-id">{e.control_id}</span> {e.title}
      </td>
      <td className="soa-status">
        <ApplicableBadge value={e.applicable} />
        {e.applicable ? <ImplementationBadge value={e.implementation_status} /> : null}
        {children}
      </td>
    </>
  );
}
