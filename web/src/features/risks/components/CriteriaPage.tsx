// The risk criteria settings (admin; read-only for the other roles): the likelihood and
// impact scales, the levels with their colours, the matrix (click a cell to raise its level), the
// acceptance threshold and who may accept. Saved whole with If-Match; 422 errors show by section.
import { useState } from 'react';
import { Breadcrumbs } from '../../../components/RecordPage';
import { ApiError, errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { fieldErrors } from '../../../lib/problem';
import { Banner, ErrorBanner, Loading, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getCriteria, putCriteria, type RiskCriteriaInput, type VersionedCriteria } from '../api';
import { roleChoices } from '../labels';
import { criteriaInput, nextLevel, nonMonotonicCells, resize, textOn } from '../risks';
import { AxisRow } from './HeatMap';
import { LevelBadge } from './parts';

type Scale = 'likelihood' | 'impact';

export function CriteriaPage() {
  useTitle('Risk criteria');
  const session = useSession();
  const loaded = useAsync((signal) => getCriteria(signal), []);
  // Kept here: the editor starts afresh (keyed by the version) after a save.
  const [saved, setSaved] = useState<string | null>(null);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title="The risk criteria could not be loaded." />;
  return (
    <CriteriaEditor
      key={loaded.data.etag ?? ''}
      loaded={loaded.data}
      canEdit={session.role === 'admin'}
      saved={saved}
      onReload={() => {
        setSaved(null);
        loaded.reload();
      }}
      onSaved={(next) => {
        setSaved(`Saved as version ${next.criteria.version}. Every risk's level now follows these criteria.`);
        loaded.setData(next);
      }}
    />
  );
}

interface EditorProps {
  loaded: VersionedCriteria;
  canEdit: boolean;
  saved: string | null;
  onReload: () => void;
  onSaved: (v: VersionedCriteria) => void;
}

function CriteriaEditor({ loaded, canEdit, saved, onReload, onSaved }: EditorProps) {
  const [c, setC] = useState<RiskCriteriaInput>(() => criteriaInput(loaded.criteria));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const bad = nonMonotonicCells(c);
  const meta = loaded.criteria;

  const setStep = (scale: Scale, i: number, key: 'label' | 'description', value: string) =>
    setC((old) => ({ ...old, [scale]: old[scale].map((s, k) => (k === i ? { ...s, [key]: value } : s)) }));
  const setSize = (scale: Scale, n: number) => setC((old) => resize(old, scale === 'likelihood' ? n : old.likelihood.length, scale === 'impact' ? n : old.impact.length));
  const setLevel = (i: number, key: 'id' | 'name' | 'colour', value: string) =>
    setC((old) => {
      const before = old.levels[i].id;
      const levels = old.levels.map((l, k) => (k === i ? { ...l, [key]: value } : l));
      if (key !== 'id') return { ...old, levels };
      const swap = (x: string) => (x === before ? value : x);
      return { ...old, levels, matrix: old.matrix.map((row) => row.map(swap)), acceptance_threshold: swap(old.acceptance_threshold) };
    });
  const removeLevel = (i: number) =>
    setC((old) => {
      const gone = old.levels[i].id;
      const instead = old.levels[i - 1]?.id ?? old.levels[i + 1]?.id ?? '';
      const swap = (x: string) => (x === gone ? instead : x);
      return { ...old, levels: old.levels.filter((_, k) => k !== i), matrix: old.matrix.map((row) => row.map(swap)), acceptance_threshold: swap(old.acceptance_threshold) };
    });
  const addLevel = () =>
    setC((old) => ({ ...old, levels: [...old.levels, { id: `level_${old.levels.length + 1}`, name: `Level ${old.levels.length + 1}`, colour: '#7b1fa2' }] }));

  async function save() {
    setBusy(true);
    setError(null);
    setErrors({});
    setMessages([]);
    try {
      onSaved(await putCriteria(c, loaded.etag ?? '"v0"'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setConflict(true);
      else {
        setError(errorMessage(e));
        if (e instanceof ApiError) {
          setErrors(fieldErrors(e.problem));
          setMessages((e.problem.errors ?? []).map((x) => `${x.field ?? ''}: ${sentence(x.message)}`));
        }
      }
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  const sectionError = (key: string) => (errors[key] ? <div className="field-error" data-testid={`field-error-${key}`}>{sentence(errors[key])}</div> : null);

  const scaleCard = (scale: Scale, title: string) => (
    <section className="card" aria-labelledby={`${scale}-title`} data-testid={`scale-${scale}`}>
      <div className="card-head">
        <h2 id={`${scale}-title`}>{title}</h2>
        {canEdit ? (
          <span className="btn-group">
            <button type="button" className="btn btn-sm" disabled={c[scale].length <= 3} onClick={() => setSize(scale, c[scale].length - 1)}>
              Remove top step
            </button>
            <button type="button" className="btn btn-sm" disabled={c[scale].length >= 7} onClick={() => setSize(scale, c[scale].length + 1)} data-testid={`add-${scale}`}>
              Add step
            </button>
          </span>
        ) : null}
      </div>
      {sectionError(scale)}
      <div className="criteria-steps">
        {c[scale].map((s, i) => (
          <div key={i} className="criteria-row">
            <span className="mono">{i + 1}</span>
            <input type="text" aria-label={`${title} ${i + 1} label`} value={s.label} maxLength={60} disabled={!canEdit} onChange={(e) => setStep(scale, i, 'label', e.target.value)} />
            <input type="text" aria-label={`${title} ${i + 1} description`} value={s.description ?? ''} maxLength={300} disabled={!canEdit} onChange={(e) => setStep(scale, i, 'description', e.target.value)} />
          </div>
        ))}
      </div>
    </section>
  );

  return (
    <div className="page page-wide" data-testid="criteria-page">
      <Breadcrumbs links={[['/risks', 'Risks']]}>Risk criteria</Breadcrumbs>
      <div className="page-head">
        <div>
          <h1>Risk criteria</h1>
          <p className="muted">
            How likelihood and impact are scored, which level each combination is, which levels may be accepted and by whom.{' '}
            {meta.version ? `Version ${meta.version}, ${formatDateTime(meta.updated_at ?? undefined)} by ${meta.updated_by}.` : 'The defaults; not changed yet.'}
          </p>
        </div>
        {canEdit ? (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setC(criteriaInput(loaded.criteria))} disabled={busy}>
              Undo changes
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || bad.size > 0} data-testid="save-criteria">
              {busy ? 'Saving…' : 'Save criteria'}
            </button>
          </div>
        ) : null}
      </div>
      {!canEdit ? <Banner kind="info">Only admins change the risk criteria (they decide who may accept which risks); you can read them.</Banner> : null}
      {saved ? (
        <Banner kind="success" testId="flash">
          {saved}
        </Banner>
      ) : null}
      {conflict ? (
        <Banner kind="warning" testId="conflict-banner">
          <p>Someone else changed the risk criteria after you opened them, so your changes were not saved.</p>
          <button type="button" className="btn" onClick={onReload}>
            Reload the latest criteria
          </button>
        </Banner>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          <p>{error}</p>
          {messages.length ? (
            <ul>
              {messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {scaleCard('likelihood', 'Likelihood')}
      {scaleCard('impact', 'Impact')}

      <section className="card" aria-labelledby="levels-title" data-testid="levels">
        <div className="card-head">
          <h2 id="levels-title">Levels (lowest first)</h2>
          {canEdit ? (
            <button type="button" className="btn btn-sm" disabled={c.levels.length >= 6} onClick={addLevel}>
              Add level
            </button>
          ) : null}
        </div>
        {sectionError('levels')}
        <div className="criteria-levels">
          {c.levels.map((l, i) => (
            <div key={i} className="criteria-level-row">
              <input type="text" aria-label={`Level ${i + 1} id`} value={l.id} maxLength={30} disabled={!canEdit} onChange={(e) => setLevel(i, 'id', e.target.value)} className="mono" />
              <input type="text" aria-label={`Level ${i + 1} name`} value={l.name} maxLength={40} disabled={!canEdit} onChange={(e) => setLevel(i, 'name', e.target.value)} />
              <input aria-label={`Level ${i + 1} colour`} type="color" value={l.colour} disabled={!canEdit} onChange={(e) => setLevel(i, 'colour', e.target.value)} />
              {canEdit ? (
                <button type="button" className="btn btn-sm" disabled={c.levels.length <= 2} onClick={() => removeLevel(i)}>
                  Remove
                </button>
              ) : (
                <LevelBadge level={l} />
              )}
            </div>
          ))}
        </div>
      </section>

      <section className="card matrix-editor" aria-labelledby="matrix-title" data-testid="matrix">
        <h2 id="matrix-title">Matrix</h2>
        <p className="muted small">{canEdit ? 'Click a cell to raise its level (the highest wraps round to the lowest). ' : ''}No cell may be lower than a less likely or less severe one.</p>
        {sectionError('matrix')}
        {bad.size ? <div className="field-error">Cells outlined in red are lower than a less likely or less severe neighbour.</div> : null}
        <table className="heatmap">
          <tbody>
            {c.matrix
              .map((row, l) => ({ row, l: l + 1 }))
              .reverse()
              .map(({ row, l }) => (
                <tr key={l}>
                  <th scope="row">
                    {l} {c.likelihood[l - 1]?.label}
                  </th>
                  {row.map((cell, i) => {
                    const level = c.levels.find((x) => x.id === cell);
                    const colour = level?.colour ?? '#cccccc';
                    const cls = `heat-cell${bad.has(`${l},${i + 1}`) ? ' invalid' : ''}${cell === c.acceptance_threshold ? ' threshold' : ''}`;
                    return (
                      <td key={i}>
                        <button
                          type="button"
                          className={cls}
                          style={{ background: colour, color: textOn(colour) }}
                          disabled={!canEdit}
                          data-cell={`${l},${i + 1}`}
                          aria-label={`Likelihood ${l}, impact ${i + 1}: ${level?.name ?? cell}`}
                          onClick={() => setC((old) => ({ ...old, matrix: old.matrix.map((r, k) => (k === l - 1 ? r.map((x, j) => (j === i ? nextLevel(old.levels, x) : x)) : r)) }))}
                        >
                          {level?.name ?? cell}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            <AxisRow impact={c.impact} />
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="acceptance-title">
        <h2 id="acceptance-title">Acceptance</h2>
        <div className="form-grid">
          <div className={`field${errors.acceptance_threshold ? ' field-invalid' : ''}`}>
            <label htmlFor="threshold">Highest level that may be accepted</label>
            <select id="threshold" value={c.acceptance_threshold} disabled={!canEdit} onChange={(e) => setC({ ...c, acceptance_threshold: e.target.value })} data-testid="threshold">
              {c.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            {sectionError('acceptance_threshold')}
          </div>
          <fieldset className={`field${errors.accept_roles ? ' field-invalid' : ''}`}>
            <legend>Who may accept risks</legend>
            <div className="checks">
              {roleChoices.map((r) => (
                <label key={r}>
                  <input
                    type="checkbox"
                    disabled={!canEdit}
                    checked={(c.accept_roles as string[]).includes(r)}
                    onChange={(e) => setC({ ...c, accept_roles: e.target.checked ? [...c.accept_roles, r] : c.accept_roles.filter((x) => x !== r) })}
                  />
                  {r.charAt(0).toUpperCase() + r.slice(1)}
                </label>
              ))}
            </div>
            {sectionError('accept_roles')}
          </fieldset>
        </div>
      </section>
    </div>
  );
}
