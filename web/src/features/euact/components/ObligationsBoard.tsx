// The EU AI Act obligations board across the organization's systems: columns by status, or a
// timeline by application date; due dates, overdue marks, re-check marks (and the systems to
// re-check), filters in the URL, and inline edits of status and owner.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { LabelOptions, SelectField } from '../../../components/FormParts';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ClassBadge, EmptyState, ErrorBanner, Loading, isUnreadable, type UnreadableItem } from '../../../lib/ui';
import { euAiActClassLabels, formatDate } from '../../../lib/labels';
import { useSession } from '../../auth/components/SessionProvider';
import { listAllObligations, listRechecks, type Obligation } from '../api';
import { columns, dueIn, filtersOf, STATUSES, timeline, viewOf } from '../board';
import { euActRoleLabels, obligationStatusLabels } from '../labels';
import { ObligationEditor } from './ObligationEditor';

const today = () => new Date().toISOString().slice(0, 10);

function ObligationCard({ o, editing, onEdit, onSaved, onConflict, onCancel, canWrite, showStatus }: {
  o: Obligation;
  showStatus: boolean;
  editing: boolean;
  canWrite: boolean;
  onEdit: () => void;
  onSaved: (o: Obligation) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  return (
    <article className={`ob-card${o.overdue ? ' ob-overdue' : ''}`} data-obligation={`${o.system_id}/${o.obligation_id}`}>
      <div className="ob-head">
        <span className="ob-title">
          <span className="ob-article">{o.article}</span> {o.title}
        </span>
        {showStatus ? <span className={`badge badge-ob-${o.status}`}>{obligationStatusLabels[o.status]}</span> : null}
      </div>
      <div className="small">
        <Link to={`/systems/${encodeURIComponent(o.system_id)}/classification`}>{o.system_name}</Link>
        <span className="muted"> · {o.roles.map((r) => euActRoleLabels[r]).join(', ')}</span>{' '}
        <span data-testid="ob-class"><ClassBadge value={o.system_class} /></span>
        {o.recheck_needed ? (
          <span className="badge badge-recheck" data-testid="ob-recheck" title="The classification of this system needs a re-check: open it to see why">
            Re-check needed
          </span>
        ) : null}
      </div>
      <div className="small">
        Due {formatDate(o.due)} <span className="muted">({dueIn(o.due, today())})</span>
        {o.overdue ? <span className="badge badge-ob-overdue">Overdue</span> : null}
        {o.grace_until ? <span className="muted"> · transition; applies from {formatDate(o.applies_from)}</span> : null}
      </div>
      <div className="small">
        Owner: <span data-testid="ob-owner">{o.owner || <span className="muted">none</span>}</span>
        {o.evidence_refs.length ? <span className="muted"> · {o.evidence_refs.length} evidence ref(s)</span> : null}
      </div>
      {o.status === 'not_applicable' && o.not_applicable_reason ? <div className="small muted">Not applicable: {o.not_applicable_reason}</div> : null}
      <details className="small">
        <summary>What it asks</summary>
        <p>{o.summary}</p>
        <p className="muted">ISO/IEC 42001: {o.iso42001_controls.join(', ')}</p>
        {o.condition ? <p className="muted">{o.condition}</p> : null}
        <p className="muted">Typical evidence: {o.evidence_examples.join('; ')}</p>
      </details>
      {editing ? (
        <ObligationEditor obligation={o} onSaved={onSaved} onConflict={onConflict} onCancel={onCancel} />
      ) : canWrite && !o.retired ? (
        <button type="button" className="btn btn-sm" onClick={onEdit} aria-label={`Edit ${o.article} of ${o.system_name}`}>
          Edit
        </button>
      ) : null}
    </article>
  );
}

export function ObligationsBoard() {
  useTitle('EU AI Act obligations');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const filters = filtersOf(params);
  const key = JSON.stringify(filters);
  const data = useAsync((signal) => listAllObligations(filters, signal), [key]);
  const rechecks = useAsync((signal) => listRechecks(signal), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const setParam = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const filtered = Object.keys(filters).length > 0;
  const all = data.data?.items ?? [];
  const unreadable = all.filter((o) => isUnreadable(o)) as unknown as UnreadableItem[];
  const items = all.filter((o) => !isUnreadable(o));
  const saved = (o: Obligation) => {
    setEditing(null);
    setConflict(false);
    if (data.data) data.setData({ ...data.data, items: data.data.items.map((x) => (x.system_id === o.system_id && x.obligation_id === o.obligation_id ? o : x)) });
  };
  const card = (o: Obligation) => {
    const k = `${o.system_id}/${o.obligation_id}`;
    return (
      <ObligationCard
        key={k}
        o={o}
        editing={editing === k}
        canWrite={session.canWrite}
        showStatus={view === 'timeline'}
        onEdit={() => setEditing(k)}
        onSaved={saved}
        onCancel={() => setEditing(null)}
        onConflict={() => {
          setEditing(null);
          setConflict(true);
          data.reload();
        }}
      />
    );
  };
  const overdue = items.filter((o) => o.overdue).length;

  return (
    <div className="page page-wide" data-testid="obligations-board">
      <div className="page-head">
        <div>
          <h1>EU AI Act obligations</h1>
          <p className="muted">What the classified AI systems must meet, for your role, and from when (dates as amended by Regulation (EU) 2026/1744).</p>
        </div>
        <div className="page-actions btn-group" role="group" aria-label="View">
          <button type="button" className={`btn btn-sm${view === 'columns' ? ' btn-primary' : ''}`} aria-pressed={view === 'columns'} onClick={() => setParam('view', '')}>
            By status
          </button>
          <button type="button" className={`btn btn-sm${view === 'timeline' ? ' btn-primary' : ''}`} aria-pressed={view === 'timeline'} onClick={() => setParam('view', 'timeline')}>
            Timeline
          </button>
        </div>
      </div>
      <div className="filters card" role="search" aria-label="Filter obligations">
        <SelectField id="ob-status" label="Status" value={filters.status ?? ''} onChange={(v) => setParam('status', v)}>
          <LabelOptions labels={obligationStatusLabels} keys={STATUSES} />
        </SelectField>
        <SelectField id="ob-class" label="System class" value={filters.system_class ?? ''} onChange={(v) => setParam('system_class', v)} testId="ob-class-filter">
          <LabelOptions labels={euAiActClassLabels} />
        </SelectField>
        <SelectField id="ob-role" label="Role" value={filters.role ?? ''} onChange={(v) => setParam('role', v)}>
          <LabelOptions labels={euActRoleLabels} />
        </SelectField>
        <div className="field">
          <label htmlFor="ob-article">Article</label>
          <input id="ob-article" type="search" placeholder="Art. 26" defaultValue={filters.article ?? ''} onBlur={(e) => setParam('article', e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && setParam('article', e.currentTarget.value.trim())} />
        </div>
        <div className="field">
          <label htmlFor="ob-due">Due before</label>
          <input id="ob-due" type="date" value={filters.due_before ?? ''} onChange={(e) => setParam('due_before', e.target.value)} />
        </div>
        <div className="field field-check">
          <label>
            <input type="checkbox" checked={filters.overdue === 'true'} onChange={(e) => setParam('overdue', e.target.checked ? 'true' : '')} data-testid="ob-overdue" />
            Overdue only
          </label>
        </div>
        <div className="field field-check">
          <label>
            <input type="checkbox" checked={filters.recheck === 'true'} onChange={(e) => setParam('recheck', e.target.checked ? 'true' : '')} data-testid="ob-recheck-filter" />
            Re-check needed only
          </label>
        </div>
        {filters.system ? (
          <div className="field">
            <span className="small">System: {items.find((o) => o.system_id === filters.system)?.system_name ?? filters.system}</span>
            <button type="button" className="link-btn" onClick={() => setParam('system', '')}>
              Show all systems
            </button>
          </div>
        ) : null}
      </div>
      {rechecks.data && rechecks.data.length > 0 ? (
        <Banner kind="warning" testId="ob-recheck-systems">
          <strong>Re-check needed</strong> for the classification of{' '}
          {rechecks.data.map((r, i) => (
            <span key={r.system_id}>
              {i ? ', ' : ''}
              <Link to={`/systems/${encodeURIComponent(r.system_id)}/classification`}>{r.system_name}</Link>
              {r.archived ? <span className="muted"> (archived)</span> : null}
            </span>
          ))}
          : the questionnaire or the rules changed since it was saved.
        </Banner>
      ) : null}
      {conflict ? <Banner kind="warning">Someone else changed that obligation meanwhile; the board was reloaded. Apply your change again.</Banner> : null}
      <ErrorBanner error={data.error} title="The obligations could not be loaded." />
      {unreadable.map((u) => (
        <Banner kind="error" key={u.id} testId="unreadable-row">
          <span className="mono">{u.id}</span> {u.error}
        </Banner>
      ))}
      {data.loading && !data.data ? <Loading /> : null}
      {data.data && items.length === 0 ? (
        filtered ? (
          <EmptyState title="No obligations match these filters" testId="obligations-empty-filtered">
            <button type="button" className="btn" onClick={() => setParams(view === 'timeline' ? { view } : {}, { replace: true })}>
              Clear the filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No obligations yet" testId="obligations-empty">
            <p>Obligations follow from classifying AI systems under the EU AI Act. Classify a system to see what it must meet and by when.</p>
            <div className="empty-actions">
              <Link className="btn btn-primary" to="/systems?eu_ai_act_class=unclassified">
                Systems not yet classified
              </Link>
            </div>
          </EmptyState>
        )
      ) : null}
      {items.length > 0 ? (
        <>
          <p className="muted small" data-testid="ob-summary">
            {items.length} obligation(s){overdue ? `, ${overdue} overdue` : ''}.
          </p>
          {view === 'columns' ? (
            <div className="board-columns">
              {STATUSES.map((s) => {
                const list = columns(items)[s];
                return (
                  <section key={s} className="board-column" data-column={s} aria-labelledby={`col-${s}`}>
                    <h2 id={`col-${s}`}>
                      {obligationStatusLabels[s]} <span className="muted">{list.length}</span>
                    </h2>
                    {list.map(card)}
                  </section>
                );
              })}
            </div>
          ) : (
            <ol className="board-timeline" data-testid="ob-timeline">
              {timeline(items).map((g) => (
                <li key={g.date} data-date={g.date}>
                  <h2>
                    {formatDate(g.date)} <span className="muted small">({dueIn(g.date, today())})</span>
                  </h2>
                  <div className="board-timeline-cards">{g.items.map(card)}</div>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </div>
  );
}
