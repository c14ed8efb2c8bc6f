// What a roadmap rests on, said on its page: how much of the assessment is answered (an incomplete
// one plans unanswered items as maturity 0), the controls left out because the SoA excludes them
// (with the SoA's justification), and what a regeneration kept of the user's edits and dropped.
import { Link } from 'react-router-dom';
import { Banner } from '../../../lib/ui';
import type { Roadmap } from '../api';
import { assessmentPath } from './AssessmentLayout';

export function coverageText(c: Roadmap['coverage']): string {
  return `${c.answered} of ${c.total} items answered`;
}

export function CoverageWarning({ roadmap, assessmentId }: { roadmap: Roadmap; assessmentId: string }) {
  if (roadmap.coverage.complete) return null;
  return (
    <Banner kind="warning" testId="roadmap-coverage">
      The assessment is incomplete: {coverageText(roadmap.coverage)}. Unanswered items are planned as maturity 0, so the roadmap may hold work
      that is already done. <Link to={assessmentPath(assessmentId, 'answer')}>Continue answering →</Link>
    </Banner>
  );
}

export function ExcludedControls({ excluded }: { excluded: Roadmap['excluded'] }) {
  if (!excluded.length) return null;
  return (
    <section className="card" aria-labelledby="excluded-title" data-testid="roadmap-excluded">
      <h2 id="excluded-title">Left out: excluded in the SoA</h2>
      <ul className="roadmap-excluded">
        {excluded.map((x) => (
          <li key={x.item_id} data-item-id={x.item_id}>
            <span className="tree-id">{x.item_id}</span> {x.title}: excluded in the SoA — {x.justification}
          </li>
        ))}
      </ul>
      <p className="muted small">
        <Link to="/soa?applicable=no">See the exclusions in the Statement of Applicability</Link>
      </p>
    </section>
  );
}

export function RegenerationReport({ report }: { report: Roadmap['regeneration'] }) {
  if (!report || (!report.kept.length && !report.dropped.length)) return null;
  const id = (a: string) => a.replace(/^act-/, '');
  return (
    <Banner kind={report.dropped.length ? 'warning' : 'info'} testId="regeneration-report">
      {report.kept.length ? (
        <p>
          Your edits were kept: {report.kept.map((k) => `${id(k.action_id)} (${k.fields.join(', ')})`).join('; ')}.
        </p>
      ) : null}
      {report.dropped.length ? (
        <>
          <p>These edits were dropped:</p>
          <ul>
            {report.dropped.map((d) => (
              <li key={`${d.action_id}:${d.fields.join()}`}>
                {id(d.action_id)} ({d.fields.join(', ')}): {d.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Banner>
  );
}
