// Sampling: the samples drawn (population, method, size, seed, items and their results) and the
// form that draws one, reproducibly from its seed, from numbered items or the AI systems in scope.
import { useState } from 'react';
import { usePendingAction } from '../../../lib/hooks';
import { EmptyState, Field } from '../../../lib/ui';
import { DataTable } from '../../../components/DataTable';
import { drawSample, sampleResults, type Audit, type Sample, type SampleInput, type SampleItem } from '../api';

export function SamplingTab({ audit, etag, conduct, onChanged }: { audit: Audit; etag: string; conduct: boolean; onChanged: () => void }) {
  const canDraw = conduct && audit.status === 'in_progress';
  return (
    <>
      <h2>Sampling</h2>
      {audit.samples.length === 0 ? (
        <EmptyState title="No samples drawn" testId="samples-empty">A sample records its population, method, size and seed, so anyone can draw the same items again.</EmptyState>
      ) : (
        audit.samples.map((s) => <SampleView key={s.n} audit={audit} sample={s} etag={etag} canRecord={canDraw} onChanged={onChanged} />)
      )}
      {canDraw ? <DrawForm audit={audit} etag={etag} onDone={onChanged} /> : null}
    </>
  );
}

function SampleView({ audit, sample, etag, canRecord, onChanged }: { audit: Audit; sample: Sample; etag: string; canRecord: boolean; onChanged: () => void }) {
  const { busy, error, run } = usePendingAction();
  const set = (item: SampleItem, result: SampleItem['result']) =>
    run(async () => {
      await sampleResults(audit.id, sample.n, { [item.item]: result }, etag);
      onChanged();
    });
  return (
    <div data-sample={sample.n}>
      <h3>Sample {sample.n}{sample.row ? ` (row ${sample.row})` : ''}</h3>
      <p>
        {sample.population} ({sample.population_count} items); {sample.method}; {sample.sample_size} drawn with seed <code>{sample.seed}</code> by {sample.drawn_by}.
      </p>
      <DataTable columns={['Item drawn', 'Result']}>
        {sample.items.map((it) => (
          <tr key={it.item}>
            <td>{it.label}</td>
            <td>
              {canRecord ? (
                <select aria-label={`Result of ${it.label}`} value={it.result ?? ''} disabled={busy}
                  onChange={(e) => void set(it, (e.target.value || null) as SampleItem['result'])}>
                  <option value="">Not recorded</option>
                  <option value="conforming">Conforming</option>
                  <option value="nonconforming">Nonconforming</option>
                  <option value="not_tested">Not tested</option>
                </select>
              ) : (it.result ?? '—')}
            </td>
          </tr>
        ))}
      </DataTable>
      {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
    </div>
  );
}

function DrawForm({ audit, etag, onDone }: { audit: Audit; etag: string; onDone: () => void }) {
  const [s, setS] = useState({ population: '', draw_from: 'numbers', population_count: '', method: 'Simple random sample without replacement', sample_size: '', seed: '', row: '' });
  const { busy, error, run } = usePendingAction();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    return run(async () => {
      const body: SampleInput = { population: s.population, draw_from: s.draw_from as SampleInput['draw_from'], method: s.method, sample_size: Number(s.sample_size) };
      if (s.draw_from === 'numbers') body.population_count = Number(s.population_count);
      if (s.seed) body.seed = Number(s.seed);
      if (s.row) body.row = s.row;
      await drawSample(audit.id, body, etag);
      onDone();
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Draw a sample" data-testid="sample-form">
      <h3>Draw a sample</h3>
      <Field label="Population" required name="population">
        {({ id }) => <input id={id} name="population" value={s.population} onChange={(e) => setS({ ...s, population: e.target.value })} />}
      </Field>
      <Field label="Draw from" name="draw_from">
        {({ id }) => (
          <select id={id} name="draw_from" value={s.draw_from} onChange={(e) => setS({ ...s, draw_from: e.target.value })}>
            <option value="numbers">Numbered items 1 … N</option>
            <option value="ai_systems">The AI systems in the audit&apos;s scope</option>
          </select>
        )}
      </Field>
      {s.draw_from === 'numbers' ? (
        <Field label="Items in the population (N)" required name="population_count">
          {({ id }) => <input id={id} name="population_count" type="number" min={1} value={s.population_count} onChange={(e) => setS({ ...s, population_count: e.target.value })} />}
        </Field>
      ) : null}
      <Field label="Method" required name="method">
        {({ id }) => <input id={id} name="method" value={s.method} onChange={(e) => setS({ ...s, method: e.target.value })} />}
      </Field>
      <Field label="Sample size" required name="sample_size">
        {({ id }) => <input id={id} name="sample_size" type="number" min={1} value={s.sample_size} onChange={(e) => setS({ ...s, sample_size: e.target.value })} />}
      </Field>
      <Field label="Seed (empty: one is chosen and recorded)" name="seed">
        {({ id }) => <input id={id} name="seed" type="number" min={0} value={s.seed} onChange={(e) => setS({ ...s, seed: e.target.value })} />}
      </Field>
      <Field label="Checklist row (empty: the whole audit)" name="row">
        {({ id }) => <input id={id} name="row" value={s.row} onChange={(e) => setS({ ...s, row: e.target.value })} />}
      </Field>
      {error ? <div className="banner banner-error" role="alert" data-testid="sample-error">{error}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="sample-draw">Draw</button>
    </form>
  );
}
