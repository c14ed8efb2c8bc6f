// The frozen input pack of a review: one section per input of ISO/IEC 42001 9.3.2, each with its
// summary, its figures and links to the records it was computed from ("No records." when none).
import { Link } from 'react-router-dom';
import type { Pack } from '../api';
import { figureLines } from '../labels';
import { DateTime } from '../../../lib/ui';

export function PackView({ pack }: { pack: Pack }) {
  return (
    <section className="card" aria-labelledby="review-pack-h" data-testid="review-pack">
      <h2 id="review-pack-h">Input pack</h2>
      <p>
        Compiled and frozen at <DateTime at={pack.compiled_at} />
        {pack.since ? `; changes since the previous review (${pack.since})` : '; the first review: every record counts as added'}.
        {pack.matches_review ? ' Its SHA-256 matches the review.' : ' Its SHA-256 does NOT match the review.'}
      </p>
      {pack.sections.map((s) => (
        <section key={s.key} aria-labelledby={`pack-${s.key}`} data-section={s.key} className="pack-section">
          <h3 id={`pack-${s.key}`}>
            {s.title} <span className="muted small">({s.clause})</span>
          </h3>
          <p data-testid={`pack-summary-${s.key}`}>{s.summary}</p>
          {!s.empty ? (
            <>
              <ul className="small">
                {figureLines(s.figures as Record<string, unknown>).map(([k, v]) => (
                  <li key={k}>
                    {k}: {v}
                  </li>
                ))}
              </ul>
              {s.items.length ? (
                <ul>
                  {s.items.map((i) => (
                    <li key={`${i.kind}:${i.id}`}>
                      <Link to={i.path}>{i.id}</Link> {i.title} <span className="muted small">— {i.note}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.items_total > s.items.length ? <p className="muted small">{s.items_total - s.items.length} more not listed.</p> : null}
            </>
          ) : null}
        </section>
      ))}
    </section>
  );
}
