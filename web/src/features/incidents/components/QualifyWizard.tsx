// The serious-incident qualification as a guided decision: the AI system's class comes from its
// saved EU AI Act classification (the server reads it); the person answers the Art. 3(49) harm,
// death and widespread infringement, the causal link, and gives the rationale.
import { useState } from 'react';
import { usePendingAction } from '../../../lib/hooks';
import { Field } from '../../../lib/ui';
import { qualify, type Qualification } from '../api';

const harms: [Qualification['harm_category'], string][] = [
  ['a', '(a) Death of a person or serious harm to health'],
  ['b', '(b) Serious and irreversible disruption of critical infrastructure'],
  ['c', '(c) Infringement of Union-law obligations protecting fundamental rights'],
  ['d', '(d) Serious harm to property or the environment'],
  ['none', 'None of these'],
];

export function QualifyWizard({ id, etag, onDone }: { id: string; etag: string; onDone: () => void }) {
  const [q, setQ] = useState<Qualification>({ harm_category: 'none', death: false, widespread_infringement: false, causal_link: 'none', rationale: '' });
  const { busy, error, run } = usePendingAction();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    return run(async () => {
      await qualify(id, q, etag);
      onDone();
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="qualify-form" aria-label="Qualify the incident">
      <p className="hint">Step 1 — the AI system's EU AI Act class and your organization's roles are read from its saved classification.</p>
      <fieldset>
        <legend>Step 2 — Which harm of Art. 3(49)?</legend>
        {harms.map(([v, label]) => (
          <label key={v} className="radio">
            <input type="radio" name="harm_category" value={v} checked={q.harm_category === v}
              onChange={() => setQ({ ...q, harm_category: v, death: v === 'a' ? q.death : false })} />
            {label}
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" name="death" checked={q.death} disabled={q.harm_category !== 'a'} onChange={(e) => setQ({ ...q, death: e.target.checked })} />
          A person died
        </label>
        <label className="checkbox">
          <input type="checkbox" name="widespread_infringement" checked={q.widespread_infringement}
            onChange={(e) => setQ({ ...q, widespread_infringement: e.target.checked })} />
          A widespread infringement (several Member States)
        </label>
      </fieldset>
      <fieldset>
        <legend>Step 3 — Is there a causal link with the AI system?</legend>
        {(['established', 'reasonably_likely', 'none'] as const).map((v) => (
          <label key={v} className="radio">
            <input type="radio" name="causal_link" value={v} checked={q.causal_link === v} onChange={() => setQ({ ...q, causal_link: v })} />
            {v === 'established' ? 'Established' : v === 'reasonably_likely' ? 'Reasonably likely' : 'No'}
          </label>
        ))}
      </fieldset>
      <Field label="Step 4 — Rationale" required name="rationale">
        {({ id: fid, describedBy }) => (
          <textarea id={fid} aria-describedby={describedBy} name="rationale" rows={3} value={q.rationale}
            onChange={(e) => setQ({ ...q, rationale: e.target.value })} />
        )}
      </Field>
      {error ? <div className="banner banner-error" role="alert" data-testid="qualify-error">{error}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="qualify-submit">Record the qualification</button>
    </form>
  );
}
