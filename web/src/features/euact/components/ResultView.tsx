// A classification result: class and basis, roles, flags, the rationale and the answers behind
// it, and the obligations that follow.
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import type { Classification } from '../api';
import { formatDate } from '../../../lib/labels';
import { euActRoleLabels, resultClassLabels } from '../labels';

export function ResultClassBadge({ value }: { value: Classification['result']['class'] }) {
  return <span className={`badge badge-class-${value}`}>{resultClassLabels[value]}</span>;
}

export function ResultView({ classification: c, showObligations = true }: { classification: Classification; showObligations?: boolean }) {
  const r = c.result;
  const flags: string[] = [];
  if (r.gpai.model) flags.push(r.gpai.systemic_risk ? 'General-purpose AI model with systemic risk' : 'General-purpose AI model');
  if (r.gpai.open_source) flags.push('Free and open-source model');
  if (r.high_risk.derogation) flags.push(`Derogation: ${r.high_risk.derogation.article}`);
  if (r.high_risk.profiling) flags.push('Profiles natural persons');
  return (
    <div className="euact-result" data-testid="classification-result">
      <dl className="meta-row">
        <div>
          <dt>Class</dt>
          <dd data-testid="result-class">
            <ResultClassBadge value={r.class} />
          </dd>
        </div>
        <div>
          <dt>Legal basis</dt>
          <dd data-testid="result-basis">{r.basis || '—'}</dd>
        </div>
        <div>
          <dt>Applies from</dt>
          <dd>{formatDate(r.applies_from)}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd data-testid="result-roles">{r.roles.map((x) => euActRoleLabels[x]).join(', ')}</dd>
        </div>
      </dl>
      {flags.length ? (
        <ul className="chips">
          {flags.map((f) => (
            <li key={f} className="chip">
              {f}
            </li>
          ))}
        </ul>
      ) : null}
      {r.transparency_duties.length && r.class !== 'transparency' ? (
        <p className="small">Transparency duties as well: {r.transparency_duties.map((t) => t.article).join(', ')}.</p>
      ) : null}
      <h3>Rationale</h3>
      <p className="prewrap euact-rationale" data-testid="result-rationale">
        {r.rationale}
      </p>
      <details className="euact-reasons">
        <summary>The answers that decided it ({r.reasons.length})</summary>
        <DataTable columns={['Question', 'Answer', 'What it meant']} className="table-compact" wrap={false}>
          {r.reasons.map((x) => (
            <tr key={x.question}>
              <td>{x.text}</td>
              <td className="nowrap">{x.answer}</td>
              <td>{x.effect}</td>
            </tr>
          ))}
        </DataTable>
      </details>
      {showObligations ? (
        <>
          <h3>Obligations that follow</h3>
          {r.obligations.length === 0 ? (
            <p className="muted" data-testid="result-no-obligations">
              No EU AI Act obligations follow for your role{r.class === 'minimal' ? '; voluntary codes of conduct may still be worth following.' : '.'}
            </p>
          ) : (
            <div className="table-wrap">
              <DataTable columns={['Article', 'Obligation', 'Role', 'Applies from', 'Due']} className="table-compact" testId="result-obligations" wrap={false}>
                {r.obligations.map((o) => (
                  <tr key={o.id} data-obligation={o.id}>
                    <td className="nowrap">{o.article}</td>
                    <td>{o.title}</td>
                    <td>{o.roles.map((x) => euActRoleLabels[x]).join(', ')}</td>
                    <td className="nowrap">{formatDate(o.applies_from)}</td>
                    <td className="nowrap">
                      {formatDate(o.due)}
                      {o.grace_until ? <span className="muted small"> (transition)</span> : null}
                    </td>
                  </tr>
                ))}
              </DataTable>
              <p>
                <Link to={`/obligations?system=${encodeURIComponent(c.system_id)}`} data-testid="result-board-link">
                  Track them on the obligations board →
                </Link>
              </p>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
