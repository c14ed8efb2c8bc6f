// The printable gap-assessment report at its own address (/assessments/:id/report), so that it can
// be bookmarked, shared and printed: it renders the API's report model (the one the HTML page and
// the PDF of the API render, with the same figures) and prints on A4 without the app's frame.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate, formatDateTime } from '../../../lib/labels';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { getReport, type AssessmentReport } from '../api';
import { actionStatusLabels, priorityLabels } from '../labels';
import { assessmentPath } from './AssessmentLayout';
import { RadarChart } from './RadarChart';
import { ReportPdfButton } from './ReportPdfButton';
import '../report.css';

type Group = AssessmentReport['by_clause'][number];

function Scores({ groups, what }: { groups: readonly Group[]; what: string }) {
  if (!groups.length) return null;
  return (
    <DataTable columns={[what, { label: 'Maturity', className: 'num' }, { label: 'Answered', className: 'num' }, { label: 'Below target', className: 'num' }]} wrap={false}>
      {groups.map((g) => (
        <tr key={g.id} data-group={g.id}>
          <td>
            <b>{g.id}</b> {g.title}
          </td>
          <td className="num">{g.maturity_text}</td>
          <td className="num">
            {g.answered} / {g.items}
          </td>
          <td className="num">{g.below_target}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Radar({ groups, target, title, testId }: { groups: readonly Group[]; target: number; title: string; testId: string }) {
  return (
    <figure className="report-radar">
      <figcaption>{title}</figcaption>
      {groups.length >= 3 ? (
        <RadarChart title={title} axes={groups.map((g) => ({ id: g.id, title: g.title, value: g.maturity }))} target={target} testId={testId} />
      ) : (
        <p className="muted">Not in the scope of this assessment.</p>
      )}
    </figure>
  );
}

function Report({ r }: { r: AssessmentReport }) {
  const a = r.assessment;
  const s = r.summary;
  const meta: [string, string][] = [
    ['Organization', r.organization],
    ['Assessment date', formatDate(a.assessment_date)],
    ['Scope', a.approach_text],
    ['Target maturity', String(a.target_maturity)],
    ['Owner', a.owner || '—'],
    ['Status', a.status === 'completed' ? 'Completed' : 'In progress'],
    ['Generated', formatDateTime(r.generated_at)],
  ];
  return (
    <article className="printable-report" data-testid="printable-report">
      <header>
        <p className="report-kicker">{r.framework} gap assessment report</p>
        <h1>{a.name}</h1>
        <dl className="report-meta">
          {meta.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="report-summary">
        <h2 id="report-summary">Executive summary</h2>
        <div className="report-figures">
          <div className="report-figure" data-testid="report-overall">
            <span className="label">Overall maturity</span>
            <span className="value">{s.overall_maturity_text}</span>
            <span className="sub">of 5; target {s.target_maturity}</span>
          </div>
          <div className="report-figure" data-testid="report-readiness">
            <span className="label">Readiness</span>
            <span className="value">{s.readiness.percent_text}</span>
            <span className="sub">
              {s.readiness.achieved} of {s.readiness.required} target points
            </span>
          </div>
          <div className="report-figure">
            <span className="label">Answered</span>
            <span className="value">
              {s.answered} / {s.total}
            </span>
            <span className="sub">{s.not_applicable} not applicable</span>
          </div>
          <div className="report-figure">
            <span className="label">Gaps</span>
            <span className="value">{s.gap_count}</span>
            <span className="sub">items below target</span>
          </div>
        </div>
        <p className="muted small">{s.readiness.formula}</p>
        <h3>{s.top_gaps.length ? `Top ${s.top_gaps.length} gaps, in audit order` : 'Gaps'}</h3>
        {s.top_gaps.length ? (
          <DataTable columns={[{ label: '#', className: 'num' }, 'Item', 'Title', { label: 'Maturity', className: 'num' }, { label: 'Target', className: 'num' }, { label: 'Gap', className: 'num' }, 'Priority', 'Owner']} wrap={false} testId="report-top-gaps">
            {s.top_gaps.map((g) => (
              <tr key={g.item_id}>
                <td className="num">{g.rank}</td>
                <td className="nowrap">{g.item_id}</td>
                <td>{g.title}</td>
                <td className="num">{g.maturity_text}</td>
                <td className="num">{g.target}</td>
                <td className="num">{g.gap}</td>
                <td>{priorityLabels[g.priority as keyof typeof priorityLabels] ?? g.priority}</td>
                <td>{g.owner}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>No gaps: every applicable item is at or above the target.</p>
        )}
        <h3>Roadmap phases</h3>
        <DataTable columns={[{ label: 'Phase', className: 'num' }, 'Name', { label: 'Actions', className: 'num' }, 'Dates']} wrap={false}>
          {s.phases.map((p) => (
            <tr key={p.phase}>
              <td className="num">{p.phase}</td>
              <td>{p.name}</td>
              <td className="num">{p.actions}</td>
              <td>{p.start_date ? `${formatDate(p.start_date)} – ${formatDate(p.end_date)}` : '—'}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="report-maturity">
        <h2 id="report-maturity">Maturity by clause and by Annex A area</h2>
        <div className="report-radars">
          <Radar groups={r.by_clause} target={s.target_maturity} title="Clauses 4–10" testId="report-radar-clauses" />
          <Radar groups={r.by_area} target={s.target_maturity} title="Annex A areas" testId="report-radar-areas" />
        </div>
        <div className="report-radars">
          <Scores groups={r.by_clause} what="Clause" />
          <Scores groups={r.by_area} what="Annex A area" />
        </div>
      </section>

      <section aria-labelledby="report-items">
        <h2 id="report-items">Items</h2>
        <DataTable columns={['Item', 'Title', { label: 'Maturity', className: 'num' }, { label: 'Target', className: 'num' }, { label: 'Gap', className: 'num' }, 'Owner', 'Notes']} wrap={false} testId="report-items">
          {r.items.map((it) => (
            <tr key={it.item_id}>
              <td className="nowrap">{it.item_id}</td>
              <td>{it.title}</td>
              <td className="num">{it.maturity_text}</td>
              <td className="num">{it.target}</td>
              <td className="num">{it.gap ?? '—'}</td>
              <td>{it.owner}</td>
              <td>{it.status === 'not_applicable' && it.justification ? `Not applicable: ${it.justification}${it.notes ? ` — ${it.notes}` : ''}` : it.notes}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="report-roadmap">
        <h2 id="report-roadmap">Roadmap actions, by phase and start</h2>
        {r.roadmap.actions.length ? (
          <>
            <p className="muted">
              From {formatDate(r.roadmap.start_date)}, {r.roadmap.capacity} actions at a time.
            </p>
            <DataTable columns={[{ label: 'Phase', className: 'num' }, 'Item', 'Action', 'Effort', 'Start', 'Target', 'Owner', 'Status']} wrap={false} testId="report-roadmap">
              {r.roadmap.actions.map((x) => (
                <tr key={x.id} data-item-id={x.item_id}>
                  <td className="num">{x.phase}</td>
                  <td className="nowrap">{x.item_id}</td>
                  <td>
                    {x.title}
                    {x.suggested_action ? <span className="report-action muted">{x.suggested_action}</span> : null}
                  </td>
                  <td>{x.effort}</td>
                  <td className="nowrap">{formatDate(x.start_date)}</td>
                  <td className="nowrap">{formatDate(x.target_date)}</td>
                  <td>{x.owner}</td>
                  <td>{actionStatusLabels[x.status]}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p>No actions: there are no gaps.</p>
        )}
      </section>
      <footer className="muted small">
        Generated by aims on {formatDateTime(r.generated_at)}. Maturity scale 0 (none) to 5 (optimizing); unanswered and skipped items count as 0.
      </footer>
    </article>
  );
}

export function ReportPage() {
  const { id = '' } = useParams();
  const report = useAsync((signal) => getReport(id, signal), [id]);
  const [pdfError, setPdfError] = useState<string | null>(null);
  useTitle(report.data ? `Gap assessment report — ${report.data.assessment.name}` : 'Gap assessment report');
  return (
    <div className="page page-wide report-page">
      <div className="report-toolbar">
        <Link to={assessmentPath(id, 'results')}>← Back to the results</Link>
        <div className="btn-group">
          <button type="button" className="btn btn-sm btn-primary" onClick={() => window.print()} disabled={!report.data} data-testid="report-print">
            Print
          </button>
          <ReportPdfButton id={id} onError={setPdfError} />
        </div>
      </div>
      {pdfError ? <Banner kind="error">{pdfError}</Banner> : null}
      {report.loading && !report.data ? <Loading /> : null}
      {report.error ? <ErrorBanner error={report.error} title="The report could not be loaded." /> : null}
      {report.data ? <Report r={report.data} /> : null}
    </div>
  );
}
