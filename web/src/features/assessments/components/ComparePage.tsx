// Compare: what moved since an earlier assessment, overall and item by item.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync } from '../../../lib/hooks';
import { formatDate } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { compareAssessments, listAssessments, type Assessment } from '../api';
import { formatMaturity } from '../charts';
import { formatDelta, movement, type ComparedItem } from '../compare';
import { assessmentPath, useAssessment } from './AssessmentLayout';

function MovedTable({ title, items, testId }: { title: string; items: ComparedItem[]; testId: string }) {
  if (!items.length) return null;
  return (
    <section className="card" data-testid={testId}>
      <h2>
        {title} <span className="muted">({items.length})</span>
      </h2>
      <DataTable columns={['Item', 'Before', 'Now', 'Change']} className="table-compact">
        {items.map((it) => (
          <tr key={it.item_id}>
            <td>
              <span className="tree-id">{it.item_id}</span> {it.title}
            </td>
            <td>{it.from ?? <span className="muted">—</span>}</td>
            <td>{it.to ?? <span className="muted">—</span>}</td>
            <td>
              <span className={`delta ${it.delta && it.delta > 0 ? 'delta-up' : it.delta && it.delta < 0 ? 'delta-down' : ''}`}>{formatDelta(it.delta)}</span>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** Earlier assessments first: those dated before this one, newest first; then the rest. */
function candidates(all: Assessment[], current: Assessment): Assessment[] {
  const others = all.filter((a) => a.id !== current.id);
  const earlier = others.filter((a) => a.assessment_date <= current.assessment_date);
  const later = others.filter((a) => a.assessment_date > current.assessment_date);
  return [...earlier, ...later];
}

export function ComparePage() {
  const { assessment } = useAssessment();
  const [params, setParams] = useSearchParams();
  const all = useAsync((signal) => listAssessments(signal), []);
  const options = all.data ? candidates(all.data, assessment) : [];
  const other = params.get('with') ?? options[0]?.id ?? '';
  const cmp = useAsync((signal) => (other ? compareAssessments(assessment.id, other, signal) : Promise.resolve(null)), [assessment.id, other]);
  const [showUnchanged, setShowUnchanged] = useState(false);

  if (all.loading && !all.data) return <Loading />;
  if (all.error) return <ErrorBanner error={all.error} title="The assessments could not be loaded." />;
  if (!options.length) {
    return (
      <EmptyState title="Nothing to compare with yet" testId="compare-empty">
        <p>
          Assessments are repeatable: run another one later (for example every quarter or before the audit) and this page shows what moved
          between them, item by item.
        </p>
        <Link className="btn" to="/assessments/new">
          Start another assessment
        </Link>
      </EmptyState>
    );
  }
  const c = cmp.data;
  const m = c ? movement(c.items) : null;
  const otherA = options.find((a) => a.id === other);

  return (
    <div className="compare" data-testid="compare">
      <div className="card compare-pick">
        <div className="field">
          <label htmlFor="compare-with">Compare with</label>
          <select id="compare-with" value={other} onChange={(e) => setParams({ with: e.target.value }, { replace: true })}>
            {options.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} — {formatDate(a.assessment_date)}
              </option>
            ))}
          </select>
        </div>
        {otherA ? (
          <p className="muted small">
            From <Link to={assessmentPath(otherA.id, 'results')}>{otherA.name}</Link> ({formatDate(otherA.assessment_date)}) to this assessment (
            {formatDate(assessment.assessment_date)}).
          </p>
        ) : null}
      </div>
      <ErrorBanner error={cmp.error} title="The comparison could not be loaded." />
      {cmp.loading && !c ? <Loading /> : null}
      {c && m ? (
        <>
          <div className="stat-cards stat-cards-3">
            <div className="stat-card" data-testid="compare-overall">
              <span className="stat-value">
                {formatMaturity(c.overall.from)} → {formatMaturity(c.overall.to)}
              </span>
              <span className="stat-label">
                Overall maturity{' '}
                <span className={`delta ${(c.overall.delta ?? 0) > 0 ? 'delta-up' : (c.overall.delta ?? 0) < 0 ? 'delta-down' : ''}`}>{formatDelta(c.overall.delta, 1)}</span>
              </span>
            </div>
            <div className="stat-card">
              <span className="stat-value delta-up">{m.improved.length}</span>
              <span className="stat-label">items improved</span>
            </div>
            <div className="stat-card">
              <span className="stat-value delta-down">{m.declined.length}</span>
              <span className="stat-label">items declined</span>
            </div>
          </div>
          <MovedTable title="Improved" items={m.improved} testId="compare-improved" />
          <MovedTable title="Declined" items={m.declined} testId="compare-declined" />
          <MovedTable title="Not answered in one or both" items={m.other} testId="compare-other" />
          {m.unchanged.length ? (
            <p>
              <button type="button" className="link-btn" onClick={() => setShowUnchanged((v) => !v)}>
                {showUnchanged ? 'Hide' : 'Show'} the {m.unchanged.length} unchanged items
              </button>
            </p>
          ) : null}
          {showUnchanged ? <MovedTable title="Unchanged" items={m.unchanged} testId="compare-unchanged" /> : null}
        </>
      ) : null}
    </div>
  );
}
